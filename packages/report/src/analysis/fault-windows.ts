import type { Journal, RunEntry } from '@faultline/core';
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
 * in a Chaos Toolkit journal) lasts from its start to its end, or, when a later method or
 * rollback action undoes it by Chaos Toolkit's naming (`add_delay_fault` → `remove_delay_fault`,
 * `cordon_node` → `uncordon_node`), until that action ended. Undoing actions are not faults.
 */
const doing = /^(add|create|inject|cordon|set|start|enable|apply)_(.+)$/;
const undoing = /^(remove|delete|clear|uncordon|unset|restore|stop|disable|rollback)_(.+)$/;

/** The provider function an entry called (`python`/`javascript` providers), if any. */
function funcOf(entry: RunEntry): string | undefined {
  const provider = entry.activity.provider as { func?: unknown } | undefined;
  return typeof provider?.func === 'string' ? provider.func : undefined;
}

/** `remove_delay_fault` undoes `add_delay_fault`; `uncordon_node` undoes `cordon_node`. */
function undoes(undo: string, fault: string): boolean {
  const u = undoing.exec(undo);
  if (!u) return false;
  if (u[1] === 'uncordon') return fault === `cordon_${u[2]}`;
  const f = doing.exec(fault);
  return f !== null && f[2] === u[2];
}

export function faultWindows(journal: Journal): FaultWindow[] {
  const windows: FaultWindow[] = [];
  const withRevert = new Set<string>();
  // Indexes built once: a run may have tens of thousands of entries (no per-entry scans).
  const byName = new Map<string, RunEntry>();
  for (const entry of journal.run) if (!byName.has(entry.activity.name)) byName.set(entry.activity.name, entry);
  for (const revert of journal.faultline.reverts) {
    const start = toMs(revert.registered);
    if (start === undefined) continue;
    withRevert.add(revert.activity);
    const own = byName.get(revert.activity);
    const end =
      revert.status === 'reverted' || revert.status === 'done-by-activity'
        ? (toMs(revert.reverted) ?? toMs(own?.end))
        : undefined;
    const window: FaultWindow = {
      activity: revert.activity,
      title: revert.title,
      start,
      end,
      source: 'revert',
      revertStatus: revert.status,
    };
    if (revert.error) window.revertError = revert.error;
    windows.push(window);
  }
  // Only actions named like an undo can end another action's window.
  const undoers = [...journal.run, ...journal.rollbacks]
    .map((entry) => ({ entry, func: funcOf(entry) ?? '', start: toMs(entry.start) ?? 0 }))
    .filter(({ func }) => undoing.test(func));
  for (const entry of journal.run) {
    if (entry.activity.type !== 'action' || entry.status === 'skipped' || withRevert.has(entry.activity.name)) continue;
    const func = funcOf(entry);
    if (func && undoing.test(func)) continue;
    const start = toMs(entry.start);
    if (start === undefined) continue;
    const undo = func
      ? undoers.find((other) => other.entry !== entry && other.start >= start && undoes(other.func, func))?.entry
      : undefined;
    const end = undo ? (undo.status === 'succeeded' ? toMs(undo.end) : undefined) : (toMs(entry.end) ?? start);
    windows.push({
      activity: entry.activity.name,
      title: undo ? `${entry.activity.name} (undone by ${undo.activity.name})` : entry.activity.name,
      start,
      end,
      source: 'activity',
    });
  }
  return windows.sort((a, b) => a.start - b.start);
}
