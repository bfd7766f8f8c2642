import type { IncomingMessage } from 'node:http';

/** The request's JSON body ({} when empty); at most 64 KiB, the shop's orders are small. */
export async function readJson(req: IncomingMessage): Promise<Record<string, unknown>> {
  let text = '';
  for await (const chunk of req) {
    text += chunk;
    if (text.length > 65536) throw new Error('request body too large');
  }
  return text ? (JSON.parse(text) as Record<string, unknown>) : {};
}
