import type { Journal, RunEntry } from '@faultline/core';
import { toMs } from '../util/time.js';

export interface HypothesisSample {
  /** Epoch milliseconds the hypothesis was evaluated. */
  at: number;
  phase: 'before' | 'during' | 'after';
  held: boolean;
  probes: RunEntry[];
}

/** Every evaluation of the steady-state hypothesis, in time order (before, during…, after). */
export function hypothesisSamples(journal: Journal): HypothesisSample[] {
  const samples: HypothesisSample[] = [];
  const add = (phase: HypothesisSample['phase'], state: Journal['steady_states']['before']): void => {
    if (!state) return;
    const at = toMs(state.start) ?? toMs(state.probes[0]?.start);
    if (at === undefined) return;
    samples.push({ at, phase, held: state.steady_state_met, probes: state.probes });
  };
  add('before', journal.steady_states.before);
  for (const state of journal.steady_states.during) add('during', state);
  add('after', journal.steady_states.after);
  return samples.sort((a, b) => a.at - b.at);
}
