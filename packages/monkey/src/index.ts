export { chaosMonkey, chaosMonkey as default, type ChaosMonkeyFactory } from './chaos-monkey.js';
export { createMonkey } from './monkey/create-monkey.js';
export type {
  ChaosMonkeyInstance,
  Middleware,
  MonkeyMethods,
  MonkeyOptions,
  MonkeyStats,
  MonkeyStatus,
  Outcome,
  AssaultName,
  WrapOptions,
  WatchOptions,
  HttpAdapterOptions,
} from './monkey/monkey-types.js';
export type { CallTarget, TargetKind } from './monkey/call-target.js';
export type * from './config/monkey-config.js';
export { MonkeyConfigError } from './config/monkey-config-error.js';
export { MonkeyError } from './errors/monkey-error.js';
export type { ActuatorOptions, ControlAuthOptions } from './actuator/actuator-options.js';
export type { ControlRoutesOptions } from './routes/control-routes-options.js';
export type { FastifyPlugin, FastifyPluginOptions } from './adapters/fastify-plugin.js';
export type { ChaosError } from './assaults/exceptions.js';
export type { PromMetricsOptions, PromClientLike } from './metrics/prom-metrics-options.js';
export type { MonkeyLogger } from './util/monkey-logger.js';
export { toAssaultDto, fromAssaultDto } from './spring/assault-properties.js';
export { toWatcherDto, fromWatcherDto } from './spring/watcher-properties.js';
export { fromSpringConfig } from './spring/from-spring-config.js';
