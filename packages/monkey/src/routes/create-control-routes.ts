import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AssaultDefinition } from '../assaults/assault.js';
import { exceptions } from '../assaults/exceptions.js';
import { killProcess } from '../assaults/kill-process.js';
import { latency } from '../assaults/latency.js';
import { MonkeyConfigError } from '../config/monkey-config-error.js';
import type { MonkeyConfigUpdate } from '../config/monkey-config.js';
import { createAuthCheck } from '../actuator/check-auth.js';
import { BodyError, readJsonBody } from '../actuator/read-json-body.js';
import type { ChaosMonkeyInstance, Middleware } from '../monkey/monkey-types.js';
import { isUnder, requestPath, trimSlashes } from '../util/request-path.js';
import { sendJson } from '../util/send-json.js';
import type { ControlRoutesOptions } from './control-routes-options.js';

type Body = Record<string, unknown>;

/** Each route: which assault's section its body updates, and the sentence the seed answers. */
const sectionRoutes: Record<string, { assault: AssaultDefinition; done: string }> = {
  '/latency': { assault: latency, done: 'Latency configuration updated' },
  '/exceptions': { assault: exceptions, done: 'Exceptions configuration updated' },
  '/kill': { assault: killProcess, done: 'Kill process configuration updated' },
};

/**
 * The seed's control routes, ready-made: POST /chaos/enable, /chaos/disable, /chaos/latency,
 * /chaos/exceptions, /chaos/kill (bodies as `{enabled, minMs, maxMs}` …), GET /chaos for the config.
 * Answers `{ status: "Chaos enabled" }` and so on, as the seed's hand-written routes do.
 */
export function createControlRoutes(
  monkey: ChaosMonkeyInstance,
  options: ControlRoutesOptions,
): Middleware & { readonly basePath: string } {
  const basePath = trimSlashes(options.basePath ?? '/chaos');
  const auth = createAuthCheck(options.token, 'monkey.routes()');
  monkey.protectPath(basePath);

  const handle = async (req: IncomingMessage, res: ServerResponse, sub: string) => {
    if (sub === '' && (req.method === 'GET' || req.method === 'HEAD')) {
      return sendJson(res, 200, { ...monkey.getConfig(), status: monkey.status() });
    }
    if (req.method !== 'POST')
      return sendJson(
        res,
        405,
        { status: 'error', message: `${req.method} ${sub || '/'} is not supported` },
        { allow: 'POST' },
      );
    if (sub === '/enable') {
      if (process.env.NODE_ENV === 'production' && !options.allowInProduction) {
        return sendJson(res, 403, {
          status: 'error',
          message: 'refusing to enable Chaos Monkey while NODE_ENV=production',
        });
      }
      monkey.enable();
      return sendJson(res, 200, { status: 'Chaos enabled' });
    }
    if (sub === '/disable') {
      monkey.disable();
      return sendJson(res, 200, { status: 'Chaos disabled' });
    }
    const route = sectionRoutes[sub];
    if (!route) return sendJson(res, 404, { status: 'error', message: `no chaos route ${sub}` });
    const body = ((await readJsonBody(req, 64 * 1024)) ?? {}) as Body;
    if (typeof body !== 'object' || Array.isArray(body))
      return sendJson(res, 400, { status: 'error', message: 'body must be a JSON object' });
    const section: Body = {};
    for (const field of Object.keys(route.assault.fields)) if (body[field] !== undefined) section[field] = body[field];
    try {
      monkey.updateConfig({ [route.assault.section]: section } as MonkeyConfigUpdate);
    } catch (e) {
      if (e instanceof MonkeyConfigError)
        return sendJson(res, 400, { status: 'error', message: e.message, problems: e.problems });
      throw e;
    }
    return sendJson(res, 200, { status: route.done });
  };

  const handler = (req: IncomingMessage, res: ServerResponse, next: (err?: unknown) => void) => {
    const path = requestPath(req);
    if (!isUnder(path, basePath)) return next();
    const result = auth(req);
    if (!result.ok) {
      req.resume();
      return sendJson(
        res,
        result.status,
        { status: 'error', message: result.message },
        result.status === 401 ? { 'www-authenticate': 'Bearer realm="chaos"' } : {},
      );
    }
    handle(req, res, trimSlashes(path.slice(basePath.length))).catch((e: unknown) => {
      if (res.headersSent) return res.destroy();
      if (e instanceof BodyError) return sendJson(res, e.status, { status: 'error', message: e.message });
      console.error(`Chaos Monkey control route failed: ${(e as Error).message}`);
      sendJson(res, 500, { status: 'error', message: 'chaos control route failed' });
    });
  };
  return Object.assign(handler, { basePath });
}
