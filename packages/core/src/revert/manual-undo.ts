import type { PendingRevert } from './revert-spec.js';

/**
 * What a person must do by hand when a revert keeps failing: the fault, the call that undoes it
 * and the last error, loud enough to be seen in a terminal full of progress lines.
 */
export function manualUndo(failed: readonly PendingRevert[]): string {
  if (!failed.length) return '';
  const lines = [
    `FAULTS LEFT BEHIND: ${failed.length} revert(s) failed after retrying; undo by hand (or retry with \`faultline revert <journal>\`):`,
  ];
  for (const revert of failed) {
    lines.push(`  - ${revert.title} (injected by "${revert.activity}" at ${revert.registered})`);
    lines.push(`    undo: ${revert.driver} ${revert.func} ${JSON.stringify(revert.arguments)}`);
    lines.push(`    last error after ${revert.attempts ?? 1} tries: ${revert.error ?? 'unknown'}`);
  }
  return `${lines.join('\n')}\n`;
}
