import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AssaultName } from '../assaults/all-assaults.js';
import type { MonkeyConfig, MonkeyConfigUpdate } from '../config/monkey-config.js';
import type { ChaosError } from '../assaults/exceptions.js';
import type { CallTarget, TargetKind } from './call-target.js';
import type { MonkeyLogger } from '../util/monkey-logger.js';
import type { PromMetricsOptions } from '../metrics/prom-metrics-options.js';

/** Connect/Express middleware signature (also what `app.use` takes in Express 4 and 5). */
export type Middleware = (req: IncomingMessage, res: ServerResponse, next: (err?: unknown) => void) => void;

/** What the monkey decided for one call. */
export type Outcome =
  | { readonly type: 'latency'; readonly ms: number }
  | { readonly type: 'exception'; readonly error: ChaosError; readonly status: number | null; readonly body: unknown };

export interface MonkeyOptions extends MonkeyConfigUpdate {
  /** Where the monkey says what it does (default: console). */
  logger?: MonkeyLogger;
  /** Count watched and assaulted calls in prom-client metrics (prom-client stays the app's dependency). */
  metrics?: PromMetricsOptions;
  /** Random source, for tests. */
  random?: () => number;
  /**
   * A Spring Boot `chaos.monkey` block (parsed application.yml, whole or just that block), applied
   * before the other options: Node and Java services can share one configuration.
   */
  spring?: unknown;
}

export interface MonkeyStatus {
  readonly enabled: boolean;
  /** When it was last switched on (null if never, or if it is off). */
  readonly enabledAt: Date | null;
  readonly disabledAt: Date | null;
  /** How long it has been on, in ms (null when off). */
  readonly enabledForMs: number | null;
  /** Epoch ms of the last switch, as Spring's `lastEnabledToggleTimestamp`. */
  readonly lastToggle: number | null;
}

export type { AssaultName };

export interface MonkeyStats {
  /** Calls that passed the watchers (whether attacked or not). */
  watched: number;
  assaulted: Record<AssaultName, number>;
  latencyInjectedMs: number;
}

export interface WrapOptions {
  /** Name used by watchers, overrides and watchedCustomServices: "OrderRepository.findAll". */
  name?: string;
  /** Layer, for the Spring-style watcher flags (default: component). */
  kind?: TargetKind;
}

export interface WatchOptions {
  /** Layer of every method (default: from the name: *Repository, *Service, *Controller, else component). */
  kind?: TargetKind;
}

export interface HttpAdapterOptions {
  /** Serve the control API before the app (from `monkey.actuator(...)`). */
  actuator?: Middleware;
  /** Receives injected errors that carry no status (default: answer 500 with a JSON body). */
  onError?: (error: ChaosError, req: IncomingMessage, res: ServerResponse) => void;
}

/** Instance methods; the factory `chaosMonkey` carries the same ones, acting on the last instance. */
export interface MonkeyMethods {
  enable(): MonkeyStatus;
  disable(): MonkeyStatus;
  /** Partial update (`{ latency: { minMs: 100 } }` keeps the other latency fields). Throws MonkeyConfigError. */
  updateConfig(update: MonkeyConfigUpdate): MonkeyConfig;
  getConfig(): MonkeyConfig;
  status(): MonkeyStatus;
  stats(): MonkeyStats;
  /** Decide for one call; for custom adapters. Returns undefined when the call is left alone. */
  decide(target: CallTarget): Outcome | undefined;
  /** Wrap a function (sync or async) so the monkey may attack its calls. */
  wrap<F extends (...args: never[]) => unknown>(fn: F, options?: WrapOptions): F;
  /** Wrap every method of an object in place ("the repository layer"); returns the object. */
  watch<T extends object>(target: T, name?: string, options?: WatchOptions): T;
  /** Chaos Monkey for Spring Boot's actuator API as middleware. */
  actuator(
    options: import('../actuator/actuator-options.js').ActuatorOptions,
  ): Middleware & { readonly basePath: string };
  /** The seed's `/chaos/*` control routes as middleware. */
  routes(
    options: import('../routes/control-routes-options.js').ControlRoutesOptions,
  ): Middleware & { readonly basePath: string };
  /** Wrap a plain node:http handler. */
  http(
    handler: (req: IncomingMessage, res: ServerResponse) => void,
    options?: HttpAdapterOptions,
  ): (req: IncomingMessage, res: ServerResponse) => void;
  /** Fastify plugin: `fastify.register(monkey.fastify, { actuator: { token } })`. */
  readonly fastify: import('../adapters/fastify-plugin.js').FastifyPlugin;
  /** Run the active runtime assaults now (kill, memory, CPU); respects the enabled switch. */
  attack(): AssaultName[];
  /** Stop cron timers and running memory/CPU assaults. */
  close(): void;
  /** Remember a server so the kill assault can stop it accepting (requests register theirs). */
  attachServer(server: import('node:net').Server): void;
  /** Paths the monkey never attacks (its control routes register themselves here). */
  protectPath(prefix: string): void;
}

export type ChaosMonkeyInstance = Middleware & MonkeyMethods;
