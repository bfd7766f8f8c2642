import type { AssaultContext } from '../assaults/assault.js';
import { chooseAssault } from '../decide/choose-assault.js';
import { isTrouble } from '../decide/is-trouble.js';
import type { CallTarget } from './call-target.js';
import type { CompiledConfig } from './compile-config.js';
import type { MonkeyStats, Outcome } from './monkey-types.js';

/**
 * The monkey's decision for one call: watched? attacked (level)? which assault? Then the chosen
 * assault acts and says what the adapter must do (delay, fail) — or nothing, having acted itself.
 */
export function createDecider(
  compiled: () => CompiledConfig,
  toggle: { readonly on: boolean },
  stats: MonkeyStats,
  context: AssaultContext,
): (target: CallTarget) => Outcome | undefined {
  return (target) => {
    const config = compiled();
    if (!toggle.on || !config.isWatched(target)) return undefined;
    stats.watched++;
    const plan = config.planFor(target);
    if (!isTrouble(plan.level, plan.deterministic, plan.counter, context.random)) return undefined;
    const chosen = chooseAssault(plan.candidates, context.random);
    if (chosen === undefined) return undefined;
    stats.assaulted[chosen.name]++;
    const outcome = chosen.attack!(plan.sections[chosen.section]!, context);
    if (outcome?.type === 'latency') stats.latencyInjectedMs += outcome.ms;
    return outcome;
  };
}
