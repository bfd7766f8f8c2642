import type { IncomingMessage, ServerResponse } from 'node:http';
import { MonkeyConfigError } from '../config/monkey-config-error.js';
import type { ChaosMonkeyInstance, Middleware } from '../monkey/monkey-types.js';
import { fromAssaultDto, toAssaultDto } from '../spring/assault-properties.js';
import { statusDto } from '../spring/status-dto.js';
import type { ValidationProblem } from '../spring/validation-problem.js';
import { fromWatcherDto, toWatcherDto } from '../spring/watcher-properties.js';
import { isUnder, requestPath, trimSlashes } from '../util/request-path.js';
import { sendJson, sendText } from '../util/send-json.js';
import type { ActuatorOptions } from './actuator-options.js';
import { createAuthCheck } from './check-auth.js';
import { BodyError, readJsonBody } from './read-json-body.js';

type Route = (req: IncomingMessage, res: ServerResponse, path: string) => Promise<void> | void;

function errorBody(status: number, error: string, message: string, path: string, extra: Record<string, unknown> = {}) {
  return { timestamp: new Date().toISOString(), status, error, message, ...extra, path };
}

function badRequest(res: ServerResponse, path: string, objectName: string, problems: readonly ValidationProblem[]) {
  sendJson(
    res,
    400,
    errorBody(
      400,
      'Bad Request',
      `Validation failed for object='${objectName}'. Error count: ${problems.length}. ${problems.map((p) => `${p.field}: ${p.defaultMessage}`).join('; ')}`,
      path,
      { errors: problems.map((p) => ({ ...p, objectName })) },
    ),
  );
}

function isProduction(): boolean {
  return process.env.NODE_ENV === 'production';
}

/**
 * Chaos Monkey for Spring Boot's actuator endpoint (`/actuator/chaosmonkey`): same paths, methods,
 * JSON field names, partial updates and 400 validation, so the same curl commands, scripts and
 * chaostoolkit-spring experiments drive Java and Node services alike.
 */
export function createActuator(
  monkey: ChaosMonkeyInstance,
  options: ActuatorOptions,
): Middleware & { readonly basePath: string } {
  const basePath = trimSlashes(options.basePath ?? '/actuator/chaosmonkey');
  const auth = createAuthCheck(options.token, 'monkey.actuator()');
  const limit = options.bodyLimit ?? 64 * 1024;
  const disabledStatus = options.disabledStatus ?? 503;
  monkey.protectPath(basePath);

  const refuseInProduction = (res: ServerResponse, path: string): boolean => {
    if (!isProduction() || options.allowInProduction) return false;
    sendJson(
      res,
      403,
      errorBody(403, 'Forbidden', 'refusing to enable Chaos Monkey while NODE_ENV=production', path, {
        hint: 'pass allowInProduction: true to monkey.actuator() if you really mean it',
      }),
    );
    return true;
  };

  const readObject = async (
    req: IncomingMessage,
    res: ServerResponse,
    path: string,
  ): Promise<Record<string, unknown> | undefined> => {
    const body = await readJsonBody(req, limit);
    if (typeof body !== 'object' || body === null || Array.isArray(body)) {
      sendJson(
        res,
        400,
        errorBody(400, 'Bad Request', 'Required request body is missing or is not a JSON object', path),
      );
      return undefined;
    }
    return body as Record<string, unknown>;
  };

  const update = async (
    req: IncomingMessage,
    res: ServerResponse,
    path: string,
    objectName: string,
    read: (body: Record<string, unknown>) => {
      update: Parameters<ChaosMonkeyInstance['updateConfig']>[0];
      problems: ValidationProblem[];
    },
    done: string,
  ) => {
    const body = await readObject(req, res, path);
    if (!body) return;
    const { update: change, problems } = read(body);
    if (problems.length > 0) return badRequest(res, path, objectName, problems);
    try {
      monkey.updateConfig(change);
    } catch (e) {
      if (!(e instanceof MonkeyConfigError)) throw e;
      return badRequest(
        res,
        path,
        objectName,
        e.problems.map((p) => ({ field: p.split(':')[0]!, rejectedValue: null, defaultMessage: p, code: 'Invalid' })),
      );
    }
    sendText(res, 200, done);
  };

  const routes: Record<string, Partial<Record<string, Route>>> = {
    '': {
      GET: (_req, res) => {
        const config = monkey.getConfig();
        const status = monkey.status();
        sendJson(res, 200, {
          chaosMonkeyProperties: {
            enabled: status.enabled,
            lastEnabledToggleTimestamp: status.lastToggle,
            togglePrefix: 'chaos.monkey',
          },
          assaultProperties: toAssaultDto(config),
          watcherProperties: toWatcherDto(config),
        });
      },
    },
    '/status': {
      GET: (_req, res) => {
        const status = monkey.status();
        sendJson(
          res,
          status.enabled ? 200 : disabledStatus,
          statusDto(status, status.enabled ? 'Ready to be evil!' : 'You switched me off!'),
        );
      },
    },
    '/enable': {
      POST: (_req, res, path) => {
        if (refuseInProduction(res, path)) return;
        sendJson(res, 200, statusDto(monkey.enable(), 'Chaos Monkey is enabled'));
      },
    },
    '/disable': {
      POST: (_req, res) => {
        const before = monkey.status();
        sendJson(res, 200, statusDto(monkey.disable(), 'Chaos Monkey is disabled', before.enabledForMs));
      },
    },
    '/assaults': {
      GET: (_req, res) => sendJson(res, 200, toAssaultDto(monkey.getConfig())),
      POST: (req, res, path) =>
        update(req, res, path, 'assaultPropertiesUpdate', fromAssaultDto, 'Assault config has changed'),
    },
    '/watchers': {
      GET: (_req, res) => sendJson(res, 200, toWatcherDto(monkey.getConfig())),
      POST: (req, res, path) =>
        update(req, res, path, 'watcherPropertiesUpdate', fromWatcherDto, 'Watcher config has changed'),
    },
    '/assaults/runtime/attack': {
      POST: (req, res, path) => {
        if (refuseInProduction(res, path)) return;
        const server = (req.socket as { server?: import('node:net').Server } | null)?.server;
        if (server) monkey.attachServer(server);
        // Answer first: a kill assault must not cut off its own response.
        sendText(res, 200, 'Started runtime assaults');
        res.once('finish', () => monkey.attack());
      },
    },
  };
  // chaostoolkit-spring's watcher_configuration probe asks for the singular path.
  routes['/watcher'] = { GET: routes['/watchers']!.GET };

  const handler = (req: IncomingMessage, res: ServerResponse, next: (err?: unknown) => void) => {
    const path = requestPath(req);
    if (!isUnder(path, basePath)) return next();
    const sub = trimSlashes(path.slice(basePath.length));
    const authResult = auth(req);
    if (!authResult.ok) {
      req.resume();
      return sendJson(
        res,
        authResult.status,
        errorBody(
          authResult.status,
          authResult.status === 401 ? 'Unauthorized' : 'Forbidden',
          authResult.message,
          path,
        ),
        authResult.status === 401 ? { 'www-authenticate': 'Bearer realm="chaosmonkey"' } : {},
      );
    }
    const methods = routes[sub];
    if (!methods) return sendJson(res, 404, errorBody(404, 'Not Found', `no chaos monkey endpoint ${path}`, path));
    const method = req.method === 'HEAD' ? 'GET' : (req.method ?? 'GET');
    const route = methods[method];
    if (!route) {
      req.resume();
      return sendJson(res, 405, errorBody(405, 'Method Not Allowed', `${req.method} is not supported here`, path), {
        allow: Object.keys(methods).join(', '),
      });
    }
    Promise.resolve()
      .then(() => route(req, res, path))
      .catch((e: unknown) => {
        if (res.headersSent) return res.destroy();
        if (e instanceof BodyError)
          return sendJson(
            res,
            e.status,
            errorBody(
              e.status,
              e.status === 413 ? 'Payload Too Large' : e.status === 415 ? 'Unsupported Media Type' : 'Bad Request',
              e.message,
              path,
            ),
          );
        // Never leak a stack trace to the caller.
        console.error(`Chaos Monkey control API failed on ${req.method} ${path}: ${(e as Error).message}`);
        sendJson(res, 500, errorBody(500, 'Internal Server Error', 'chaos monkey control API failed', path));
      });
  };
  return Object.assign(handler, { basePath });
}
