import type { IncomingMessage } from 'node:http';
import { createActuator } from '../actuator/create-actuator.js';
import { createFastifyPlugin } from '../adapters/fastify-plugin.js';
import { wrapNodeHandler } from '../adapters/node-http.js';
import { allAssaults, runtimeAssaults } from '../assaults/all-assaults.js';
import type { AssaultContext } from '../assaults/assault.js';
import { applyConfigUpdate } from '../config/apply-config-update.js';
import { sectionOf } from '../config/default-config.js';
import { registerPromMetrics } from '../metrics/register-prom-metrics.js';
import { createControlRoutes } from '../routes/create-control-routes.js';
import { watchObject } from '../wrap/watch-object.js';
import { wrapFunction } from '../wrap/wrap-function.js';
import { createDecider } from './call-decider.js';
import { compileConfig } from './compile-config.js';
import { createCronSchedule } from './cron-schedule.js';
import { createMiddleware, httpTarget, sendChaosResponse } from './http-middleware.js';
import { initialConfig } from './initial-config.js';
import type { ChaosMonkeyInstance, MonkeyMethods, MonkeyOptions, MonkeyStats } from './monkey-types.js';
import { createSwitch } from './monkey-switch.js';
import { createRuntimeRunner } from './runtime-runner.js';
import { createServerRegistry } from './server-registry.js';

const emptyStats = (): MonkeyStats => ({
  watched: 0,
  assaulted: Object.fromEntries(allAssaults.map((a) => [a.name, 0])) as MonkeyStats['assaulted'],
  latencyInjectedMs: 0,
});

/** Creates one monkey: Connect/Express middleware carrying the control methods. */
export function createMonkey(options: MonkeyOptions = {}): ChaosMonkeyInstance {
  let config = initialConfig(options);
  const protectedPaths = new Set(['/chaos', '/actuator/chaosmonkey']);
  let compiled = compileConfig(config, protectedPaths);
  const logger = options.logger ?? console;
  const toggle = createSwitch(config.enabled, logger);
  const stats = emptyStats();
  const servers = createServerRegistry();
  const context: AssaultContext = {
    logger,
    random: options.random ?? Math.random,
    servers: servers.all,
  };
  const runtime = createRuntimeRunner(context, stats);
  const runIfOn = (assault: (typeof runtimeAssaults)[number]) =>
    toggle.on && sectionOf(config, assault).enabled && runtime.run(assault, sectionOf(config, assault));
  const crons = createCronSchedule(config, runIfOn);
  const decide = createDecider(() => compiled, toggle, stats, context);
  const decideHttp = (req: IncomingMessage) => {
    if (!toggle.on) return undefined;
    servers.note(req);
    return decide(httpTarget(req));
  };
  const setEnabled = (on: boolean) => {
    config.enabled = on;
    return toggle.set(on);
  };

  const methods: Omit<MonkeyMethods, 'fastify'> = {
    enable: () => setEnabled(true),
    disable: () => setEnabled(false),
    updateConfig(update) {
      config = applyConfigUpdate(config, update);
      compiled = compileConfig(config, protectedPaths);
      setEnabled(config.enabled);
      crons.update(config);
      return structuredClone(config);
    },
    getConfig: () => structuredClone(config),
    status: toggle.status,
    stats: () => structuredClone(stats),
    decide,
    wrap: (fn, wrapOptions) => wrapFunction(fn, decide, wrapOptions),
    watch: (target, name, watchOptions) =>
      watchObject(target, (fn, o) => wrapFunction(fn, decide, o), name, watchOptions),
    actuator: (actuatorOptions) => createActuator(monkey, actuatorOptions),
    routes: (routeOptions) => createControlRoutes(monkey, routeOptions),
    http: (handler, httpOptions) => wrapNodeHandler(handler, httpOptions ?? {}, decideHttp, sendChaosResponse),
    attack: () => runtimeAssaults.filter(runIfOn).map((a) => a.name),
    close() {
      crons.stop();
      runtime.stopAll();
    },
    attachServer: servers.add,
    protectPath(prefix) {
      protectedPaths.add(prefix);
      compiled = compileConfig(config, protectedPaths);
    },
  };
  const monkey = Object.assign(createMiddleware(decideHttp), methods) as ChaosMonkeyInstance;
  Object.defineProperty(monkey, 'fastify', { value: createFastifyPlugin(monkey), enumerable: true });
  if (options.metrics) registerPromMetrics(options.metrics, () => stats);
  return monkey;
}
