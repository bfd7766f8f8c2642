import { createRequire } from 'node:module';
import { isAbsolute, resolve as resolvePath } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { ActivityContext } from '../activity/activity-context.js';
import type { ActivityDefinition } from '../activity/activity-definition.js';
import type { Driver, DriverEntry } from '../activity/driver.js';
import type { Logger } from '../activity/logger.js';
import type { ControlModule } from '../control/control-module.js';
import { controlHookNames } from '../control/control-module.js';
import { UsageError } from '../errors/faultline-error.js';
import { bridgedControl, bridgedFunction, type BridgedFunction } from '../python/bridged-python.js';
import { PythonBridge, type PythonBridgeOptions } from '../python/python-bridge.js';
import type { RevertSpec } from '../revert/revert-spec.js';
import { nearestNames } from '../util/nearest-names.js';
import { PythonImportError, ResolutionError } from './resolution-error.js';
import { safeguardsModule } from '../safeguard/collect-safeguards.js';

export { ResolutionError };

/** A provider resolved to something callable. */
export interface ResolvedActivity {
  /** "@faultline/kubernetes terminate_pods" or "./probes.mjs checkOrders". */
  readonly label: string;
  /** Set for driver activities: lets validation check arguments against the schema. */
  readonly definition?: ActivityDefinition;
  readonly driver?: string;
  /** Set for Python functions run by the bridge: checks arguments against the real signature. */
  checkArguments?(args: Record<string, unknown>): Promise<string | undefined>;
  /** `declaredSecrets`: the provider's `secrets` list (Python functions get `secrets` only when set). */
  call(args: Record<string, unknown>, ctx: ActivityContext, declaredSecrets?: readonly string[]): Promise<unknown>;
}

export interface ActivityResolverOptions {
  /**
   * Runs `type: python` modules Faultline does not serve natively in a Python interpreter (one
   * bridge process per resolver, i.e. per run). Without it such modules are resolution errors.
   */
  python?: PythonBridgeOptions;
}

interface ModuleRef {
  type: 'python' | 'javascript';
  module: string;
  func: string;
}

const camelToSnake = (name: string) => name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
const snakeToCamel = (name: string) => name.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase());

/**
 * Finds the code behind `python` and `javascript` providers and controls. Drivers are imported
 * only when an experiment names one of their modules: importing the Kubernetes client alone
 * costs ~0.9 s, which a run that does not use it must not pay.
 */
export class ActivityResolver {
  private readonly loaded = new Map<string, Promise<Driver>>();
  private readonly bridged = new Map<string, Promise<BridgedFunction>>();
  private bridge?: PythonBridge;
  private logger?: Logger;

  constructor(
    private readonly drivers: readonly DriverEntry[],
    private readonly options: ActivityResolverOptions = {},
  ) {}

  /** The Python bridge, started on first use (undefined when Python modules are not bridged). */
  pythonBridge(): PythonBridge | undefined {
    if (!this.bridge && this.options.python) this.bridge = new PythonBridge(this.options.python);
    if (this.logger) this.bridge?.useLogger(this.logger);
    return this.bridge;
  }

  /** Where the Python bridge logs what modules print (a run hands over its secret-scrubbing logger). */
  useLogger(logger: Logger): void {
    this.logger = logger;
    this.bridge?.useLogger(logger);
  }

  /** Stops the Python bridge, if one was started. */
  async close(): Promise<void> {
    await this.bridge?.close();
  }

  driverEntries(): readonly DriverEntry[] {
    return this.drivers;
  }

  loadDriver(entry: DriverEntry): Promise<Driver> {
    let promise = this.loaded.get(entry.name);
    if (!promise) {
      promise = entry.load();
      this.loaded.set(entry.name, promise);
    }
    return promise;
  }

  async allDrivers(): Promise<Driver[]> {
    return Promise.all(this.drivers.map((entry) => this.loadDriver(entry)));
  }

  /**
   * True when a provider or control names code shipped with Faultline (a driver, a native Chaos
   * Toolkit module), false for user code: a module file, a Python module for the bridge, a process.
   */
  isBuiltIn(provider: { type?: unknown; module?: unknown }): boolean {
    if (typeof provider.module !== 'string') return false;
    if (provider.type === 'python')
      return provider.module === safeguardsModule || this.entryForPython(provider.module) !== undefined;
    if (provider.type !== 'javascript') return false;
    // "@faultline/prometheus/grafana_annotations" names a driver's control.
    const driver = provider.module.match(/^((?:@[^/]+\/)?[^/]+)/)?.[1] ?? provider.module;
    return this.entryForJavascript(provider.module) !== undefined || this.entryForJavascript(driver) !== undefined;
  }

  private entryForPython(module: string): DriverEntry | undefined {
    const prefix = module.split('.')[0]!;
    return this.drivers.find((entry) => entry.pythonPrefixes.includes(prefix));
  }

  private entryForJavascript(module: string): DriverEntry | undefined {
    const bare = module.replace(/\/activities$/, '');
    return this.drivers.find((entry) => entry.name === bare || entry.aliases?.includes(bare));
  }

  async resolve(ref: ModuleRef, baseDir: string): Promise<ResolvedActivity> {
    if (ref.type === 'python') return this.resolvePython(ref.module, ref.func);
    const entry = this.entryForJavascript(ref.module);
    if (entry) return this.resolveDriverFunction(await this.loadDriver(entry), ref.func);
    return this.resolveUserFunction(ref.module, ref.func, baseDir);
  }

  /** The activity a revert spec names (driver + func). */
  async resolveRevert(spec: RevertSpec): Promise<ResolvedActivity> {
    const entry = this.entryForJavascript(spec.driver);
    if (!entry) throw new ResolutionError(`revert names unknown driver "${spec.driver}"`);
    const driver = await this.loadDriver(entry);
    const resolved = this.resolveDriverFunction(driver, spec.func);
    if (!driver.reverts?.includes(resolved.definition!.name))
      throw new ResolutionError(
        `revert names ${driver.name} ${spec.func}, which is not one of its reverts`,
        `only these run from a journal: ${driver.reverts?.join(', ') || '(none)'}`,
      );
    return resolved;
  }

  private async resolvePython(module: string, func: string): Promise<ResolvedActivity> {
    const entry = this.entryForPython(module);
    if (entry) {
      const driver = await this.loadDriver(entry);
      const definition = driver.activities.find((a) => a.name === func && a.python?.includes(module));
      if (definition) return fromDefinition(driver, definition, `${module}.${func}`);
    }
    const bridge = this.pythonBridge();
    const wanted = `${module}.${func}`;
    // A module an official driver serves is tried in Python only when Faultline lacks the function.
    let bridgeError: Error | undefined;
    if (bridge) {
      let promise = this.bridged.get(wanted);
      if (!promise) {
        promise = bridgedFunction(bridge, module, func);
        this.bridged.set(wanted, promise);
        promise.catch(() => this.bridged.delete(wanted));
      }
      try {
        const fn = await promise;
        return { label: fn.label, call: fn.call, checkArguments: fn.checkArguments };
      } catch (error) {
        bridgeError = error as Error;
      }
    }
    const known = await this.knownPythonNames();
    const suggestions = nearestNames(wanted, known);
    const didYouMean = suggestions.length ? `did you mean ${suggestions.join(', ')}?` : undefined;
    if (bridgeError && !entry) {
      // Not an official driver's module: what Python said is the answer, with our nearest names.
      const hint = (bridgeError as Error & { hint?: string }).hint;
      if (!(bridgeError instanceof ResolutionError) || !didYouMean) throw bridgeError;
      throw new ResolutionError(bridgeError.message, [didYouMean, hint].filter(Boolean).join('; '));
    }
    throw new ResolutionError(
      entry
        ? `python function ${wanted} is not provided by ${entry.name}`
        : `python module "${module}" is not known to Faultline (function ${func})`,
      [
        didYouMean ?? 'run `faultline discover` to list every known function',
        // Python not having the module is no news for one Faultline serves natively.
        bridgeError && !(entry && bridgeError instanceof PythonImportError) && `Python: ${bridgeError.message}`,
      ]
        .filter(Boolean)
        .join('; '),
    );
  }

  /** Every "module.func" a python provider may name. */
  async knownPythonNames(): Promise<string[]> {
    const names: string[] = [];
    for (const driver of await this.allDrivers()) {
      for (const activity of driver.activities)
        for (const module of activity.python ?? []) names.push(`${module}.${activity.name}`);
    }
    return names;
  }

  private resolveDriverFunction(driver: Driver, func: string): ResolvedActivity {
    const snake = camelToSnake(func);
    const definition = driver.activities.find((a) => a.name === func || a.name === snake);
    if (!definition) {
      const suggestions = nearestNames(
        func,
        driver.activities.map((a) => a.name),
      );
      throw new ResolutionError(
        `${driver.name} has no activity "${func}"`,
        suggestions.length ? `did you mean ${suggestions.join(', ')}?` : `run \`faultline discover ${driver.name}\``,
      );
    }
    return fromDefinition(driver, definition, `${driver.name} ${definition.name}`);
  }

  private async resolveUserFunction(module: string, func: string, baseDir: string): Promise<ResolvedActivity> {
    const loaded = await importUserModule(module, baseDir);
    const fn = loaded[func] ?? loaded[snakeToCamel(func)];
    if (typeof fn !== 'function') {
      const exported = Object.keys(loaded).filter((k) => typeof loaded[k] === 'function');
      const suggestions = nearestNames(func, exported);
      throw new ResolutionError(
        `module ${module} exports no function "${func}"`,
        suggestions.length
          ? `did you mean ${suggestions.join(', ')}?`
          : `it exports: ${exported.join(', ') || 'no functions'}`,
      );
    }
    return {
      label: `${module} ${func}`,
      async call(args, ctx) {
        return (fn as (a: Record<string, unknown>, c: ActivityContext) => unknown)(args, ctx);
      },
    };
  }

  /** A control module named by a control declaration's provider. */
  async resolveControl(
    provider: { type: string; module: string },
    baseDir: string,
    declaration?: unknown,
  ): Promise<ControlModule> {
    // Served by the runner itself (it runs probes and aborts the run): no hooks to call.
    if (provider.type === 'python' && provider.module === safeguardsModule) return {};
    if (provider.type === 'python') {
      const entry = this.entryForPython(provider.module);
      const driver = entry ? await this.loadDriver(entry) : undefined;
      const control = driver?.controls?.find((c) => c.python?.includes(provider.module));
      if (control) return control.module;
      const bridge = this.pythonBridge();
      if (bridge && !entry) return bridgedControl(bridge, provider.module, declaration);
      const known = (await this.allDrivers()).flatMap((d) => (d.controls ?? []).flatMap((c) => c.python ?? []));
      const suggestions = nearestNames(provider.module, known);
      throw new ResolutionError(
        `python control module "${provider.module}" is not known to Faultline`,
        suggestions.length
          ? `did you mean ${suggestions.join(', ')}?`
          : `known control modules: ${known.join(', ') || 'none'}`,
      );
    }
    // "@faultline/prometheus/metrics" names a driver's control; a bare driver name works when it has one.
    const [, driverName, controlName] = provider.module.match(/^((?:@[^/]+\/)?[^/]+)(?:\/([^/]+))?$/) ?? [];
    const entry = driverName ? this.entryForJavascript(driverName) : undefined;
    if (entry) {
      const controls = (await this.loadDriver(entry)).controls ?? [];
      const wanted = controlName?.replace(/-/g, '_');
      const control = wanted
        ? controls.find((c) => c.name === wanted)
        : controls.length === 1
          ? controls[0]
          : undefined;
      if (control) return control.module;
      if (!wanted || controls.length) {
        throw new ResolutionError(
          `${entry.name} has ${wanted ? `no control "${controlName}"` : `${controls.length} controls: name one`}`,
          `controls: ${controls.map((c) => `${entry.name}/${c.name}`).join(', ') || 'none'}`,
        );
      }
    }
    return normaliseControlModule(await importUserModule(provider.module, baseDir));
  }
}

function fromDefinition(driver: Driver, definition: ActivityDefinition, label: string): ResolvedActivity {
  return {
    label,
    definition,
    driver: driver.name,
    async call(args, ctx) {
      const parsed = definition.arguments.safeParse(args);
      if (!parsed.success) {
        const details = parsed.error.issues.map((i) => `${i.path.join('.') || '(arguments)'}: ${i.message}`).join('; ');
        throw new UsageError(`invalid arguments for ${definition.name}: ${details}`, { code: 'E_ARGUMENTS' });
      }
      return definition.run(parsed.data, ctx);
    },
  };
}

async function importUserModule(module: string, baseDir: string): Promise<Record<string, unknown>> {
  let specifier: string;
  if (module.startsWith('.') || isAbsolute(module)) {
    specifier = pathToFileURL(resolvePath(baseDir, module)).href;
  } else {
    try {
      specifier = pathToFileURL(createRequire(resolvePath(baseDir, 'noop.js')).resolve(module)).href;
    } catch {
      specifier = module;
    }
  }
  try {
    return (await import(specifier)) as Record<string, unknown>;
  } catch (error) {
    throw new ResolutionError(
      `cannot import module ${module}: ${(error as Error).message}`,
      'a relative path resolves from the experiment file',
    );
  }
}

/** Accept camelCase hook names (beforeExperimentControl) as aliases of Chaos Toolkit's. */
function normaliseControlModule(loaded: Record<string, unknown>): ControlModule {
  const source = (loaded.default && typeof loaded.default === 'object' ? loaded.default : loaded) as Record<
    string,
    unknown
  >;
  const control: ControlModule = {};
  for (const name of controlHookNames) {
    const fn = source[name] ?? source[snakeToCamel(name)];
    if (typeof fn === 'function') control[name] = fn as ControlModule[typeof name];
  }
  return control;
}
