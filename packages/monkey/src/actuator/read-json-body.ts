import type { IncomingMessage } from 'node:http';

export class BodyError extends Error {
  constructor(
    readonly status: 400 | 413 | 415,
    message: string,
  ) {
    super(message);
  }
}

/**
 * The control API reads its own JSON body, so it works whether or not the app mounted a body parser
 * before it: a body parser leaves the parsed object in `req.body` and the stream consumed.
 */
export async function readJsonBody(req: IncomingMessage, limit: number): Promise<unknown> {
  const pre = req as IncomingMessage & { body?: unknown; _body?: boolean };
  if (pre._body === true || req.readableEnded) {
    if (Buffer.isBuffer(pre.body)) return parse(pre.body.toString('utf8'));
    if (typeof pre.body === 'string') return parse(pre.body);
    return pre.body === undefined ||
      (typeof pre.body === 'object' && pre.body !== null && Object.keys(pre.body).length === 0 && !pre._body)
      ? undefined
      : pre.body;
  }
  const type = req.headers['content-type'];
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > limit) throw new BodyError(413, `request body larger than ${limit} bytes`);
    chunks.push(chunk as Buffer);
  }
  const text = Buffer.concat(chunks).toString('utf8');
  if (text.trim() === '') return undefined;
  try {
    return parse(text);
  } catch (e) {
    // Lenient about a missing Content-Type (curl -d sends form-urlencoded), strict about bad JSON.
    if (type !== undefined && !/json/i.test(type))
      throw new BodyError(415, `expected Content-Type application/json, got ${type}`);
    throw e;
  }
}

function parse(text: string): unknown {
  if (text.trim() === '') return undefined;
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new BodyError(400, `JSON parse error: ${(e as Error).message}`);
  }
}
