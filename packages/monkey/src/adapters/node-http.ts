import type { IncomingMessage, ServerResponse } from 'node:http';
import type { HttpAdapterOptions, Outcome } from '../monkey/monkey-types.js';
import { longTimeout } from '../util/long-timeout.js';

type Handler = (req: IncomingMessage, res: ServerResponse) => void;
type ExceptionOutcome = Extract<Outcome, { type: 'exception' }>;

/**
 * Plain node:http: `http.createServer(monkey.http(handler, { actuator }))`. The control API (when
 * given) answers first; then the monkey decides; then the handler runs.
 */
export function wrapNodeHandler(
  handler: Handler,
  options: HttpAdapterOptions,
  decide: (req: IncomingMessage) => Outcome | undefined,
  send: (res: ServerResponse, outcome: ExceptionOutcome) => void,
): Handler {
  const attacked: Handler = (req, res) => {
    const outcome = decide(req);
    if (outcome === undefined) return handler(req, res);
    if (outcome.type === 'latency') {
      longTimeout(() => handler(req, res), outcome.ms);
    } else if (outcome.status === null && options.onError) {
      options.onError(outcome.error, req, res);
    } else {
      send(res, outcome);
    }
  };
  const actuator = options.actuator;
  if (!actuator) return attacked;
  return (req, res) =>
    actuator(req, res, (err) => {
      if (err) {
        res.statusCode = 500;
        res.end();
      } else {
        attacked(req, res);
      }
    });
}
