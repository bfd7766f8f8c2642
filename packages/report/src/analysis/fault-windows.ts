import type { Journal } from '@faultline/core';
import { toMs } from '../util/time.js';

export interface FaultWindow {
  /** Name of the method activity that injected the fault. */
  activity: string;
  /** What was injected / how it is undone, in words. */
  title: string;
  /** Epoch ms the fault started (revert registered, or the action started). */
  start: number;
  /** Epoch ms the fault was removed; undefined when it was never removed (revert failed or pending). */
  end: number | undefined;
  /** `revert`: from `faultline.reverts`; `activity`: an action without a registered revert. */
  source: 'revert' | 'activity';
  revertStatus?: 'pending' | 'reverted' | 'failed' | 'done-by-activity';
  revertError?: string;
}

/**
 * When each fault was in place. Faultline journals say it exactly: a revert is registered just
 * before injection and stamped when undone. An action with no revert (a pod kill, or any action
 * in a Chaos Toolkit journal) is taken as lasting from its start to its end.
 */
export function faultWindows(journal: Journal): FaultWindow[] {
  const windows: FaultWindow[] = [];
  const withRevert = new Set<string>();
  for (const revert of journal.faultline.reverts) {
    const start = toMs(revert.registered);
    if (start === undefined) continue;
    withRevert.add(revert.activity);
    const own = journal.run.find((entry) => entry.activity.name === revert.activity);
    const end = revert.status === 'reverted' || revert.status === 'done-by-activity'
      ? toMs(revert.reverted) ?? toMs(own?.end) : undefined;
    const window: FaultWindow = { activity: revert.activity, title: revert.title, start, end, source: 'revert', revertStatus: revert.status };
    if (revert.error) window.revertError = revert.error;
    windows.push(window);
  }
  for (const entry of journal.run) {
    if (entry.activity.type !== 'action' || entry.status === 'skipped' || withRevert.has(entry.activity.name)) continue;
    const start = toMs(entry.start);
    if (start === undefined) continue;
    windows.push({ activity: entry.activity.name, title: entry.activity.name, start, end: toMs(entry.end) ?? start, source: 'activity' });
  }
  return windows.sort((a, b) => a.start - b.start);
}
