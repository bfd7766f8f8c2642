import type { ActivityContext } from '../activity/activity-context.js';
import {
  controlHookNames,
  type ControlHookName,
  type ControlModule,
  type ControlHookParams,
} from '../control/control-module.js';
import { PythonImportError, ResolutionError } from '../resolve/resolution-error.js';
import { substitute } from '../substitution/substitute.js';
import { nearestNames } from '../util/nearest-names.js';
import type { PythonBridge } from './python-bridge.js';
import { PythonReplyError } from './python-bridge.js';
import { PythonBridgeError, PythonError, type PythonException } from './python-error.js';

/** A Python function run by the bridge, as the resolver hands it to the runner and to validation. */
export interface BridgedFunction {
  label: string;
  call(args: Record<string, unknown>, ctx: ActivityContext, declaredSecrets?: readonly string[]): Promise<unknown>;
  /** chaoslib's validate_python_activity: why these arguments do not bind to the signature, if they do not. */
  checkArguments(args: Record<string, unknown>): Promise<string | undefined>;
}

/**
 * Imports `module` in the bridge and checks it exposes `func` (validation and first use), then
 * returns something the runner can call.
 */
export async function bridgedFunction(bridge: PythonBridge, module: string, func: string): Promise<BridgedFunction> {
  const label = `${module}.${func} (python)`;
  const check = async (args: Record<string, unknown>) => {
    try {
      const reply = await bridge.request(
        'check',
        { module, func, arguments: args },
        timeout(bridge.importTimeoutMs, `importing ${module}`),
      );
      return (reply.value as { problem?: string | null }).problem ?? undefined;
    } catch (error) {
      throw asResolutionError(error, bridge, module, func);
    }
  };
  await check({}); // imports the module and finds the function; argument problems are validation's business
  return {
    label,
    checkArguments: check,
    async call(args, ctx, declaredSecrets) {
      try {
        const reply = await bridge.request(
          'call',
          {
            module,
            func,
            arguments: args,
            configuration: ctx.configuration,
            // As chaoslib: `secrets` is passed only when the provider declares some.
            secrets: declaredSecrets ? ctx.secrets : null,
          },
          ctx.signal,
        );
        if (reply.warning) ctx.logger.warn(`${module}.${func} ${reply.warning}`);
        return reply.value;
      } catch (error) {
        if (error instanceof PythonReplyError) {
          if (error.exception.import || error.exception.functions) throw asResolutionError(error, bridge, module, func);
          throw new PythonError(`${module}.${func}`, error.exception);
        }
        throw error;
      }
    },
  };
}

/** A Python control module: only the hooks it defines are called, with chaoslib's arguments. */
export async function bridgedControl(
  bridge: PythonBridge,
  module: string,
  declaration: unknown,
): Promise<ControlModule> {
  let hooks: ControlHookName[];
  try {
    const reply = await bridge.request(
      'control_hooks',
      { module, declaration, hooks: controlHookNames },
      timeout(bridge.importTimeoutMs, `importing ${module}`),
    );
    hooks = (reply.value as { hooks: ControlHookName[] }).hooks;
  } catch (error) {
    throw asResolutionError(error, bridge, module);
  }
  const control: ControlModule = {};
  for (const hook of hooks) {
    control[hook] = async (params: ControlHookParams) => {
      try {
        const reply = await bridge.request(
          'control',
          {
            module,
            hook,
            arguments: substitute(params.arguments, params.configuration, params.secrets),
            context: params.context ?? null,
            state: params.state ?? null,
            experiment: params.experiment ?? null,
            configuration: params.configuration,
            secrets: params.secrets,
            settings: params.settings,
          },
          timeout(bridge.controlTimeoutMs, `control ${module} ${hook}`),
        );
        return reply.value;
      } catch (error) {
        if (error instanceof PythonReplyError) {
          // As chaoslib: a control raising InterruptExecution stops the run (it ends interrupted).
          if (error.exception.type.endsWith('InterruptExecution')) {
            params.interrupt(`control ${module} ${hook}: ${error.exception.message}`);
            return undefined;
          }
          throw new PythonError(`control ${module} ${hook}`, error.exception);
        }
        throw error;
      }
    };
  }
  return control;
}

function asResolutionError(error: unknown, bridge: PythonBridge, module: string, func?: string): Error {
  if (!(error instanceof PythonReplyError)) return error as Error;
  const e: PythonException = error.exception;
  if (e.import) {
    return new PythonImportError(
      `python module "${module}" cannot be imported by ${e.executable ?? bridge.interpreter}: ${e.message}`,
      `sys.path tried: ${(e.sys_path ?? []).join(', ')}; install the module in that interpreter or put it next to the experiment`,
    );
  }
  if (e.functions && func) {
    const suggestions = nearestNames(func, e.functions);
    return new ResolutionError(
      `python module "${module}" has no function "${func}"`,
      suggestions.length
        ? `did you mean ${suggestions.join(', ')}?`
        : `its functions: ${e.functions.join(', ') || 'none'}`,
    );
  }
  return new ResolutionError(
    `python module "${module}" failed to load: ${e.type}: ${e.message}`,
    e.traceback.join('').trim(),
  );
}

/** An AbortSignal that fires after `ms` with an error saying what took too long. */
function timeout(ms: number, what: string): AbortSignal {
  const controller = new AbortController();
  setTimeout(
    () => controller.abort(new PythonBridgeError(`${what} took longer than ${ms / 1000} s in Python`)),
    ms,
  ).unref();
  return controller.signal;
}
