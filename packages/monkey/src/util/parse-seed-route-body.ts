import type { IncomingMessage } from 'node:http';
import { readJsonBody } from '../actuator/read-json-body.js';

/**
 * The seed's hand-written `/chaos/latency` route reads `req.body` without mounting a body parser.
 * For POSTs under `/chaos/` whose body nobody parsed yet, the monkey parses the JSON itself so that
 * snippet runs verbatim. Returns false (nothing to do) for every other request.
 */
export function needsSeedRouteBody(req: IncomingMessage): boolean {
  const url = req.url;
  return (
    url !== undefined &&
    url.charCodeAt(1) === 99 /* c */ &&
    url.startsWith('/chaos/') &&
    req.method === 'POST' &&
    (req as { body?: unknown }).body === undefined &&
    !req.readableEnded
  );
}

export function parseSeedRouteBody(req: IncomingMessage, then: () => void): void {
  readJsonBody(req, 64 * 1024).then(
    (body) => {
      (req as { body?: unknown }).body = body ?? {};
      then();
    },
    () => {
      (req as { body?: unknown }).body = {};
      then();
    },
  );
}
