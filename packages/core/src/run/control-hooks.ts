import { errorMessage } from '../util/error-message.js';
import type { ControlHookName, ControlModule } from '../control/control-module.js';
import type { ControlDeclaration } from '../model/experiment.js';
import type { Logger } from '../activity/logger.js';
import type { ActivityResolver } from '../resolve/activity-resolver.js';

export interface LoadedControl {
  declaration: ControlDeclaration;
  module: ControlModule;
}

export interface HookEnvironment {
  experiment: unknown;
  configuration: Readonly<Record<string, unknown>>;
  secrets: Readonly<Record<string, unknown>>;
  settings: Readonly<Record<string, unknown>>;
  logger: Logger;
  runId: string;
  interrupt(reason: string): void;
}

export async function loadControls(
  declarations: readonly ControlDeclaration[] | undefined,
  resolver: ActivityResolver,
  baseDir: string,
): Promise<LoadedControl[]> {
  const loaded: LoadedControl[] = [];
  for (const declaration of declarations ?? []) {
    loaded.push({ declaration, module: await resolver.resolveControl(declaration.provider, baseDir, declaration) });
  }
  return loaded;
}

/**
 * Calls one hook on each control. A control that throws is logged and skipped, as Chaos Toolkit
 * does: a broken control must not change the outcome of the experiment (it may interrupt it).
 */
export async function callHook(
  controls: readonly LoadedControl[],
  hook: ControlHookName,
  env: HookEnvironment,
  context: unknown,
  state?: unknown,
): Promise<void> {
  // "after" hooks run in reverse order so controls nest like middleware.
  const ordered = hook.startsWith('after_') ? [...controls].reverse() : controls;
  for (const control of ordered) {
    const fn = control.module[hook];
    if (!fn) continue;
    if (hook.startsWith('before_') && control.declaration.scope === 'after') continue;
    if (hook.startsWith('after_') && control.declaration.scope === 'before') continue;
    try {
      await fn({
        context,
        state,
        experiment: env.experiment,
        configuration: env.configuration,
        secrets: env.secrets,
        settings: env.settings,
        arguments: control.declaration.provider.arguments ?? {},
        logger: env.logger,
        runId: env.runId,
        interrupt: env.interrupt,
      });
    } catch (error) {
      env.logger.warn(`control ${control.declaration.name} failed in ${hook}: ${errorMessage(error)}`);
    }
  }
}
