import type { IncomingMessage, ServerResponse } from 'node:http';
import { longTimeout } from '../util/long-timeout.js';
import { needsSeedRouteBody, parseSeedRouteBody } from '../util/parse-seed-route-body.js';
import { requestPath } from '../util/request-path.js';
import { sendJson } from '../util/send-json.js';
import type { CallTarget } from './call-target.js';
import type { Middleware, Outcome } from './monkey-types.js';

export type ExceptionOutcome = Extract<Outcome, { type: 'exception' }>;

/** An HTTP request, as the watchers see it: a controller call named by its path. */
export function httpTarget(req: IncomingMessage): CallTarget {
  return { kind: 'controller', name: requestPath(req), method: req.method };
}

/** Answers an exception outcome that carries a status: its body as JSON (or text), else a default body. */
export function sendChaosResponse(res: ServerResponse, outcome: ExceptionOutcome): void {
  const body = outcome.body ?? { error: outcome.error.name, message: outcome.error.message, chaosMonkey: true };
  if (typeof body === 'string') {
    res.statusCode = outcome.status ?? 500;
    res.setHeader('content-type', 'text/plain; charset=utf-8');
    res.end(body);
  } else {
    sendJson(res, outcome.status ?? 500, body);
  }
}

/**
 * Connect/Express middleware: latency delays `next()`, an exception with a status is answered
 * here, one without goes to the framework's error handler (`next(err)`).
 */
export function createMiddleware(decide: (req: IncomingMessage) => Outcome | undefined): Middleware {
  return (req, res, next) => {
    if (needsSeedRouteBody(req)) return parseSeedRouteBody(req, () => next());
    const outcome = decide(req);
    if (outcome === undefined) return next();
    if (outcome.type === 'latency') longTimeout(next, outcome.ms);
    else if (outcome.status !== null) sendChaosResponse(res, outcome);
    else next(outcome.error);
  };
}
