import type { AppliedObject } from '@faultline/kubernetes/schedule';

/** One line per object: `created CronJob chaos/faultline-checkout`. */
export function formatApplied(applied: readonly AppliedObject[]): string {
  return applied
    .map((entry) => `${entry.action} ${entry.kind} ${entry.namespace ? `${entry.namespace}/` : ''}${entry.name}\n`)
    .join('');
}
