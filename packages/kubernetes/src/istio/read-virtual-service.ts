import type { ApiAnswer, VirtualServiceClient } from './virtual-service-client.js';

/** The answer for the first version that does not 404 (or the last 404), and that version. */
export async function readVirtualService(
  client: VirtualServiceClient,
  namespace: string,
  name: string,
  versions: readonly string[],
): Promise<{ answer: ApiAnswer; version: string }> {
  let last: { answer: ApiAnswer; version: string } | undefined;
  for (const version of versions) {
    last = { answer: await client.get({ namespace, name, version }), version };
    if (last.answer.status !== 404) return last;
  }
  return last!;
}
