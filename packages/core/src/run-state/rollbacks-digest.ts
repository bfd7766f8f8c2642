import { createHash } from 'node:crypto';
import type { Activity, Experiment } from '../model/experiment.js';

/** JSON with object keys sorted: the same rollbacks give the same text whatever the key order. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object')
    return `{${Object.keys(value)
      .sort()
      .map((key) => `${JSON.stringify(key)}:${canonical((value as Record<string, unknown>)[key])}`)
      .join(',')}}`;
  return JSON.stringify(value ?? null);
}

/** The experiment's rollbacks as activities, `ref`s replaced by the activity they name (undefined if none). */
export function declaredRollbacks(experiment: Pick<Experiment, 'rollbacks' | 'method' | 'steady-state-hypothesis'>) {
  const named = new Map<string, Activity>();
  const lists = [experiment['steady-state-hypothesis']?.probes, experiment.method, experiment.rollbacks];
  for (const item of lists.flatMap((list) => (Array.isArray(list) ? list : [])))
    if (item && typeof item === 'object' && !('ref' in item)) named.set(item.name, item);
  return (Array.isArray(experiment.rollbacks) ? experiment.rollbacks : []).map((item) =>
    item && typeof item === 'object' && 'ref' in item ? named.get(item.ref) : item,
  );
}

/**
 * SHA-256 of an experiment's rollbacks as declared (before substitution, refs resolved): what a
 * run pins in its state file so `faultline stop` plays exactly those, or none.
 */
export function rollbacksDigest(experiment: Pick<Experiment, 'rollbacks' | 'method' | 'steady-state-hypothesis'>) {
  return createHash('sha256')
    .update(canonical(declaredRollbacks(experiment)))
    .digest('hex');
}
