import type { ControlDefinition } from '../control/control-module.js';

// Shared through globalThis: the CLI bundle and a user's module may each load their own copy of
// this file, and both must see the same event (as every Python module sees the same one).
interface EventState {
  finished: boolean;
  waiters: Array<() => void>;
}
const key = Symbol.for('faultline.chaosaddons.experiment_finished');
const state: EventState =
  ((globalThis as Record<symbol, unknown>)[key] as EventState | undefined) ??
  ((globalThis as Record<symbol, unknown>)[key] = { finished: false, waiters: [] } satisfies EventState);

/**
 * chaostoolkit-addons' `experiment_finished` event: set once the experiment is over, so work a run
 * started on the side (a load generator, a watcher loop in a javascript provider) knows to stop.
 * Cleared when the next experiment starts, since a process may run several.
 */
export const experimentFinished = {
  isSet: (): boolean => state.finished,
  /** Resolves when the experiment has finished (at once if it already has). */
  wait(): Promise<void> {
    return state.finished ? Promise.resolve() : new Promise((resolve) => state.waiters.push(resolve));
  },
  set(): void {
    state.finished = true;
    const pending = state.waiters;
    state.waiters = [];
    for (const resolve of pending) resolve();
  },
  clear(): void {
    state.finished = false;
  },
};

/** The `chaosaddons.controls.synchronization` control: sets experimentFinished after the experiment. */
export const synchronization: ControlDefinition = {
  name: 'synchronization',
  description: 'Signals experimentFinished (exported by @faultline/core/builtin) once the experiment is over.',
  python: ['chaosaddons.controls.synchronization'],
  module: {
    before_experiment_control: () => experimentFinished.clear(),
    after_experiment_control: () => experimentFinished.set(),
  },
};
