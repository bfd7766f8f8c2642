import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Server } from 'node:net';
import { applyConfigUpdate } from '../config/apply-config-update.js';
import { defaultConfig } from '../config/default-config.js';
import { MonkeyConfigError } from '../config/monkey-config-error.js';
import type { MonkeyConfig, MonkeyConfigUpdate } from '../config/monkey-config.js';
import { chooseAssault } from '../decide/choose-assault.js';
import { isTrouble } from '../decide/is-trouble.js';
import { blockEventLoop } from '../assaults/block-event-loop.js';
import { createChaosError, isKnownErrorType } from '../assaults/create-chaos-error.js';
import { cpuAssault } from '../assaults/cpu-assault.js';
import { killProcess } from '../assaults/kill-process.js';
import { latencyMs } from '../assaults/latency-ms.js';
import { memoryAssault } from '../assaults/memory-assault.js';
import type { RuntimeAssaultRun } from '../assaults/runtime-assault-run.js';
import { isCronOff, parseCron } from '../runtime/cron-expression.js';
import { cronTimer } from '../runtime/cron-timer.js';
import { registerPromMetrics } from '../metrics/register-prom-metrics.js';
import { createActuator } from '../actuator/create-actuator.js';
import { createControlRoutes } from '../routes/create-control-routes.js';
import { createFastifyPlugin } from '../adapters/fastify-plugin.js';
import { wrapNodeHandler } from '../adapters/node-http.js';
import { wrapFunction } from '../wrap/wrap-function.js';
import { watchObject } from '../wrap/watch-object.js';
import { compileConfig, type AssaultPlan, type CompiledConfig } from './compile-config.js';
import type { CallTarget } from './call-target.js';
import { sendJson } from '../util/send-json.js';
import { fromSpringConfig } from '../spring/from-spring-config.js';
import { needsSeedRouteBody, parseSeedRouteBody } from '../util/parse-seed-route-body.js';
import type {
  AssaultName,
  ChaosMonkeyInstance,
  MonkeyOptions,
  MonkeyStats,
  MonkeyStatus,
  Outcome,
} from './monkey-types.js';

const configKeys = new Set(Object.keys(defaultConfig()));

function splitOptions(options: MonkeyOptions): MonkeyConfigUpdate {
  const update: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(options)) {
    if (key === 'logger' || key === 'metrics' || key === 'random' || key === 'spring') continue;
    if (configKeys.has(key) || value !== undefined) update[key] = value;
  }
  return update as MonkeyConfigUpdate;
}

function checkSemantics(config: MonkeyConfig): void {
  const problems: string[] = [];
  if (!isKnownErrorType(config.exceptions.type)) {
    problems.push(
      `exceptions.type: "${config.exceptions.type}" is neither a JavaScript error (Error, TypeError, RangeError…) nor a Java class name`,
    );
  }
  for (const [where, cron] of [
    ['killProcess.cron', config.killProcess.cron],
    ['memory.cron', config.memory.cron],
    ['cpu.cron', config.cpu.cron],
  ] as const) {
    if (isCronOff(cron)) continue;
    try {
      parseCron(cron);
    } catch (e) {
      problems.push(`${where}: ${(e as Error).message}`);
    }
  }
  if (problems.length > 0) throw new MonkeyConfigError(problems);
}

/** Creates one monkey: Connect/Express middleware carrying the control methods. */
export function createMonkey(options: MonkeyOptions = {}): ChaosMonkeyInstance {
  const logger = options.logger ?? console;
  const random = options.random ?? Math.random;
  const base =
    options.spring === undefined
      ? defaultConfig()
      : applyConfigUpdate(defaultConfig(), fromSpringConfig(options.spring));
  let config = applyConfigUpdate(base, splitOptions(options));
  checkSemantics(config);
  const controlPrefixes = new Set(['/chaos', '/actuator/chaosmonkey']);
  let compiled: CompiledConfig = compileConfig(config, controlPrefixes);
  // The hot path reads this one boolean first, so a disabled monkey costs next to nothing.
  let enabled = config.enabled;
  let lastToggle: number | null = enabled ? Date.now() : null;
  const servers = new Set<Server>();
  let lastServer: Server | undefined;
  const stats: MonkeyStats = {
    watched: 0,
    assaulted: { latency: 0, exception: 0, killProcess: 0, eventLoopBlock: 0, memory: 0, cpu: 0 },
    latencyInjectedMs: 0,
  };
  const running: { memory?: RuntimeAssaultRun; cpu?: RuntimeAssaultRun } = {};
  let stopCrons: Array<() => void> = [];

  const status = (): MonkeyStatus => {
    const at = lastToggle === null ? null : new Date(lastToggle);
    return {
      enabled,
      enabledAt: enabled ? at : null,
      disabledAt: enabled ? null : at,
      enabledForMs: enabled && lastToggle !== null ? Date.now() - lastToggle : null,
      lastToggle,
    };
  };

  const setEnabled = (on: boolean): MonkeyStatus => {
    if (enabled !== on) {
      enabled = on;
      config.enabled = on;
      lastToggle = Date.now();
      logger.info(`Chaos Monkey ${on ? 'enabled' : 'disabled'}`);
    }
    return status();
  };

  const runRuntime = (name: 'killProcess' | 'memory' | 'cpu'): boolean => {
    if (name === 'killProcess') {
      if (!killProcess(servers, config.killProcess, logger)) return false;
    } else if (running[name] === undefined) {
      const run = name === 'memory' ? memoryAssault(config.memory, logger) : cpuAssault(config.cpu, logger);
      running[name] = run;
      void run.done.then(() => {
        if (running[name] === run) delete running[name];
      });
    } else {
      return false;
    }
    stats.assaulted[name]++;
    return true;
  };

  const armCrons = () => {
    for (const stop of stopCrons) stop();
    stopCrons = [];
    const sections = [
      ['killProcess', config.killProcess],
      ['memory', config.memory],
      ['cpu', config.cpu],
    ] as const;
    for (const [name, section] of sections) {
      if (isCronOff(section.cron)) continue;
      stopCrons.push(
        cronTimer(section.cron, () => {
          if (enabled && config[name].enabled) runRuntime(name);
        }),
      );
    }
  };
  armCrons();

  const planFor = (target: CallTarget): AssaultPlan => {
    for (const o of compiled.overrides) {
      if (o.pattern.matches(target.name, target.method)) return o.plan;
    }
    return compiled.base;
  };

  const isWatched = (target: CallTarget): boolean => {
    const w = config.watchers;
    if (target.kind === 'controller' || target.kind === 'restController') {
      if (!w.controller && !w.restController) return false;
      const path = target.name;
      for (const prefix of compiled.exclude) {
        if (
          path.startsWith(prefix) &&
          (path.length === prefix.length || path.charCodeAt(prefix.length) === 47 || prefix.endsWith('/'))
        )
          return false;
      }
      if (compiled.routes.length > 0 && !compiled.routes.some((r) => r.matches(path, target.method))) return false;
    } else if (!w[target.kind] && !w.beans.some((b) => target.name === b || target.name.startsWith(`${b}.`))) {
      return false;
    }
    if (compiled.custom !== null && !compiled.custom.some((prefix) => target.name.startsWith(prefix))) return false;
    return true;
  };

  const decide = (target: CallTarget): Outcome | undefined => {
    if (!enabled || !isWatched(target)) return undefined;
    stats.watched++;
    const plan = planFor(target);
    if (!isTrouble(plan.level, plan.deterministic, plan.counter, random)) return undefined;
    const chosen = chooseAssault(plan.candidates, random);
    if (chosen === undefined) return undefined;
    stats.assaulted[chosen]++;
    switch (chosen) {
      case 'latency': {
        const ms = latencyMs(plan.latency, random);
        stats.latencyInjectedMs += ms;
        return { type: 'latency', ms };
      }
      case 'exception':
        return {
          type: 'exception',
          error: createChaosError(plan.exceptions),
          status: plan.exceptions.status,
          body: plan.exceptions.body,
        };
      case 'killProcess':
        killProcess(servers, plan.killProcess, logger);
        return undefined;
      case 'eventLoopBlock':
        blockEventLoop(plan.eventLoopBlock.durationMs);
        return undefined;
    }
  };

  const httpTarget = (req: IncomingMessage): CallTarget => {
    const url = (req as IncomingMessage & { originalUrl?: string }).originalUrl ?? req.url ?? '/';
    const q = url.indexOf('?');
    return { kind: 'controller', name: q < 0 ? url : url.slice(0, q), method: req.method };
  };

  const noteServer = (req: IncomingMessage) => {
    const server = (req.socket as { server?: Server } | null)?.server;
    if (server !== undefined && server !== lastServer) {
      lastServer = server;
      servers.add(server);
    }
  };

  const sendChaosResponse = (res: ServerResponse, outcome: Extract<Outcome, { type: 'exception' }>) => {
    const body = outcome.body ?? { error: outcome.error.name, message: outcome.error.message, chaosMonkey: true };
    if (typeof body === 'string') {
      res.statusCode = outcome.status ?? 500;
      res.setHeader('content-type', 'text/plain; charset=utf-8');
      res.end(body);
    } else {
      sendJson(res, outcome.status ?? 500, body);
    }
  };

  const middleware = ((req: IncomingMessage, res: ServerResponse, next: (err?: unknown) => void) => {
    if (needsSeedRouteBody(req)) return parseSeedRouteBody(req, () => next());
    if (!enabled) return next();
    noteServer(req);
    const outcome = decide(httpTarget(req));
    if (outcome === undefined) return next();
    if (outcome.type === 'latency') {
      setTimeout(next, outcome.ms);
    } else if (outcome.status !== null) {
      sendChaosResponse(res, outcome);
    } else {
      next(outcome.error);
    }
  }) as ChaosMonkeyInstance;

  Object.assign(middleware, {
    enable: () => setEnabled(true),
    disable: () => setEnabled(false),
    updateConfig(update: MonkeyConfigUpdate) {
      const next = applyConfigUpdate(config, update);
      checkSemantics(next);
      const cronChanged =
        next.killProcess.cron !== config.killProcess.cron ||
        next.memory.cron !== config.memory.cron ||
        next.cpu.cron !== config.cpu.cron;
      config = next;
      compiled = compileConfig(config, controlPrefixes);
      if (config.enabled !== enabled) setEnabled(config.enabled);
      if (cronChanged) armCrons();
      return structuredClone(config);
    },
    getConfig: () => structuredClone(config),
    status,
    stats: () => structuredClone(stats),
    decide,
    wrap: (fn: (...args: never[]) => unknown, wrapOptions?: Parameters<ChaosMonkeyInstance['wrap']>[1]) =>
      wrapFunction(fn, decide, wrapOptions),
    watch: (target: object, name?: string, watchOptions?: Parameters<ChaosMonkeyInstance['watch']>[2]) =>
      watchObject(target, (fn, o) => wrapFunction(fn, decide, o), name, watchOptions),
    actuator: (actuatorOptions: Parameters<ChaosMonkeyInstance['actuator']>[0]) =>
      createActuator(middleware, actuatorOptions, runRuntime),
    routes: (routeOptions: Parameters<ChaosMonkeyInstance['routes']>[0]) =>
      createControlRoutes(middleware, routeOptions),
    http: (
      handler: (req: IncomingMessage, res: ServerResponse) => void,
      httpOptions?: Parameters<ChaosMonkeyInstance['http']>[1],
    ) =>
      wrapNodeHandler(
        handler,
        httpOptions ?? {},
        (req) => {
          if (!enabled) return undefined;
          noteServer(req);
          return decide(httpTarget(req));
        },
        sendChaosResponse,
      ),
    attack(): AssaultName[] {
      if (!enabled) return [];
      const started: AssaultName[] = [];
      for (const name of ['killProcess', 'memory', 'cpu'] as const) {
        if (config[name].enabled && runRuntime(name)) started.push(name);
      }
      return started;
    },
    close() {
      for (const stop of stopCrons) stop();
      stopCrons = [];
      running.memory?.stop();
      running.cpu?.stop();
    },
    attachServer(server: Server) {
      servers.add(server);
    },
    protectPath(prefix: string) {
      controlPrefixes.add(prefix.length > 1 && prefix.endsWith('/') ? prefix.slice(0, -1) : prefix);
      compiled = compileConfig(config, controlPrefixes);
    },
  });
  Object.defineProperty(middleware, 'fastify', { value: createFastifyPlugin(middleware), enumerable: true });
  if (options.metrics) registerPromMetrics(options.metrics, () => stats);
  return middleware;
}
