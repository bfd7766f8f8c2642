import { extent } from '../util/extent.js';
import { parseDuration, type Journal, type PauseRecord, type RunEntry } from '@faultline/core';
import type { FaultWindow } from '../analysis/fault-windows.js';
import { hypothesisSamples } from '../analysis/hypothesis-samples.js';
import { formatSeconds, toMs } from '../util/time.js';
import { escapeHtml } from './escape-html.js';
import { px, timeScale } from './time-scale.js';

const WIDTH = 960;
const LABEL = 230;
const RIGHT = WIDTH - 16;
const ROW = 24;
const TOP = 46;

interface Bar {
  start: number;
  end: number;
  cls: string;
  title: string;
}
interface Row {
  label: string;
  bars: Bar[];
  marks?: Array<{ at: number; cls: string; title: string }>;
}

function pauseSeconds(value: unknown): number | undefined {
  if (typeof value !== 'number' && typeof value !== 'string') return undefined;
  try {
    return parseDuration(value, 'pause');
  } catch {
    return undefined; // an unresolved ${substitution}: nothing to draw
  }
}

type PauseSpan = { start: number; end: number };

/**
 * The pauses around an entry: as recorded by Faultline (`faultline.pauses`, exact, and absent when
 * skipped under --dry), else as declared by the activity (Chaos Toolkit journals).
 */
function pausesOf(
  entry: RunEntry,
  recorded: PauseRecord[] | undefined,
  start: number,
  end: number,
): { before?: PauseSpan; after?: PauseSpan } {
  if (!recorded) {
    const before = pauseSeconds(entry.activity.pauses?.before);
    const after = pauseSeconds(entry.activity.pauses?.after);
    return {
      ...(before ? { before: { start: start - before * 1000, end: start } } : {}),
      ...(after ? { after: { start: end, end: end + after * 1000 } } : {}),
    };
  }
  const near = (when: 'before' | 'after', at: number, edge: 'start' | 'end') => {
    const match = recorded
      .filter((p) => p.activity === entry.activity.name && p.when === when)
      .map((p) => ({ start: toMs(p.start) ?? 0, end: toMs(p.end) ?? 0 }))
      .filter((p) => Math.abs(p[edge] - at) < 5000)
      .sort((a, b) => Math.abs(a[edge] - at) - Math.abs(b[edge] - at))[0];
    return match;
  };
  const before = near('before', start, 'end');
  const after = near('after', end, 'start');
  return { ...(before ? { before } : {}), ...(after ? { after } : {}) };
}

function entryRow(entry: RunEntry, kind: 'method' | 'rollback', recorded?: PauseRecord[]): Row {
  const start = toMs(entry.start) ?? 0;
  const end = toMs(entry.end) ?? start;
  const type = entry.activity.type;
  const status = entry.status;
  const bars: Bar[] = [];
  const pauses = pausesOf(entry, recorded, start, end);
  const before = pauses.before;
  const after = pauses.after;
  if (before)
    bars.push({
      ...before,
      cls: 'pause',
      title: `pause ${formatSeconds((before.end - before.start) / 1000)} before ${entry.activity.name}`,
    });
  bars.push({
    start,
    end,
    cls: `${kind === 'rollback' ? 'rollback' : type} ${status}`,
    title: `${type} ${entry.activity.name}: ${status}, ${formatSeconds(entry.duration)}${entry.activity.background ? ' (background)' : ''}`,
  });
  if (after)
    bars.push({
      ...after,
      cls: 'pause',
      title: `pause ${formatSeconds((after.end - after.start) / 1000)} after ${entry.activity.name}`,
    });
  return { label: `${kind === 'rollback' ? '↺ ' : ''}${entry.activity.name}`, bars };
}

/** Consecutive samples with the same result as one bar, so an hour of samples stays small. */
function sampleRuns(samples: ReturnType<typeof hypothesisSamples>): Bar[] {
  const bars: Bar[] = [];
  // the last sample stands for one sampling interval, like the others
  const gap = samples.length > 1 ? (samples[samples.length - 1]!.at - samples[0]!.at) / (samples.length - 1) : 1000;
  samples.forEach((sample, i) => {
    const next = samples[i + 1]?.at ?? sample.at + gap;
    const last = bars[bars.length - 1];
    const cls = sample.held ? 'sample held' : 'sample failed';
    if (last && last.cls === cls) {
      last.end = next;
      return;
    }
    bars.push({ start: sample.at, end: next, cls, title: '' });
  });
  for (const bar of bars)
    bar.title = `${bar.cls.endsWith('held') ? 'held' : 'did not hold'} for ${formatSeconds((bar.end - bar.start) / 1000)}`;
  return bars;
}

/**
 * Every activity and pause of the run on one time axis, the hypothesis checks as green/red bands,
 * and the faults shaded from injection to removal (hatched when never removed).
 */
export function timelineSvg(journal: Journal, faults: FaultWindow[], idPrefix = 'r0'): string {
  const rows: Row[] = [];
  const stateRow = (label: string, state: Journal['steady_states']['before']): void => {
    if (!state) return;
    const start = toMs(state.start) ?? toMs(state.probes[0]?.start);
    if (start === undefined) return;
    const end = toMs(state.end) ?? start;
    rows.push({
      label,
      bars: [
        {
          start,
          end,
          cls: `hypothesis ${state.steady_state_met ? 'held' : 'failed'}`,
          title: `${label}: ${state.steady_state_met ? 'held' : 'did not hold'}`,
        },
      ],
    });
  };
  stateRow('Steady state before', journal.steady_states.before);
  const recorded = journal.faultline?.pauses;
  for (const entry of journal.run) rows.push(entryRow(entry, 'method', recorded));
  const during = hypothesisSamples(journal).filter((s) => s.phase === 'during');
  if (during.length) rows.push({ label: `Steady state during (${during.length})`, bars: sampleRuns(during) });
  stateRow('Steady state after', journal.steady_states.after);
  for (const entry of journal.rollbacks) rows.push(entryRow(entry, 'rollback', recorded));
  const reverts = journal.faultline.reverts.filter((r) => toMs(r.reverted) !== undefined);
  if (reverts.length) {
    rows.push({
      label: 'Reverts',
      bars: [],
      marks: reverts.map((r) => ({
        at: toMs(r.reverted)!,
        cls: `revert ${r.status}`,
        title: `${r.title}: ${r.status}`,
      })),
    });
  }

  const times: number[] = [];
  for (const row of rows) {
    for (const bar of row.bars) times.push(bar.start, bar.end);
    for (const mark of row.marks ?? []) times.push(mark.at);
  }
  for (const fault of faults) times.push(fault.start, ...(fault.end === undefined ? [] : [fault.end]));
  const journalStart = toMs(journal.start);
  if (journalStart !== undefined) times.push(journalStart);
  if (toMs(journal.end) !== undefined) times.push(toMs(journal.end)!);
  if (times.length === 0 || rows.length === 0) return '<p class="muted">No timed activity was recorded.</p>';
  const { min: from, max: to } = extent(times);
  const scale = timeScale(from, to, LABEL, RIGHT);
  const height = TOP + rows.length * ROW + 12;
  const out: string[] = [];
  out.push(
    `<svg class="chart timeline" role="img" aria-labelledby="${idPrefix}-tl" viewBox="0 0 ${WIDTH} ${height}" width="100%" preserveAspectRatio="xMinYMin meet" xmlns="http://www.w3.org/2000/svg">`,
  );
  out.push(`<title id="${idPrefix}-tl">Timeline of the run: activities, pauses, hypothesis checks and faults</title>`);
  out.push(
    `<defs><pattern id="${idPrefix}-hatch" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)"><rect width="3" height="6" class="hatch"/></pattern></defs>`,
  );
  for (const tick of scale.ticks()) {
    out.push(
      `<line class="grid" x1="${px(tick.x)}" x2="${px(tick.x)}" y1="${TOP - 6}" y2="${height - 12}"/><text class="tick" x="${px(tick.x)}" y="${TOP - 9}">${escapeHtml(tick.label)}</text>`,
    );
  }
  faults.forEach((fault, i) => {
    const x1 = scale.x(fault.start);
    const x2 = Math.max(scale.x(fault.end ?? to), x1 + 2);
    const open = fault.end === undefined;
    out.push(
      `<rect class="fault${open ? ' open' : ''}" x="${px(x1)}" y="${TOP - 4}" width="${px(x2 - x1)}" height="${rows.length * ROW + 4}"${open ? ` fill="url(#${idPrefix}-hatch)"` : ''}><title>${escapeHtml(`fault: ${fault.title}${open ? ' (never removed)' : ''}`)}</title></rect>`,
    );
    // labels near the right edge end at the fault instead of running off the chart
    const nearEnd = x1 > RIGHT - 220;
    out.push(
      `<text class="fault-label" x="${px(nearEnd ? Math.min(x2, RIGHT) : x1 + 3)}" y="${12 + (i % 2) * 12}"${nearEnd ? ' text-anchor="end"' : ''}>${escapeHtml(fault.activity)}</text>`,
    );
  });
  rows.forEach((row, i) => {
    const y = TOP + i * ROW;
    out.push(
      `<text class="label" x="${LABEL - 8}" y="${y + 15}">${escapeHtml(row.label.length > 34 ? `${row.label.slice(0, 33)}…` : row.label)}</text>`,
    );
    for (const bar of row.bars) {
      const x1 = scale.x(bar.start);
      const w = Math.max(scale.x(bar.end) - x1, 2);
      out.push(
        `<rect class="bar ${classTokens(bar.cls)}" x="${px(x1)}" y="${y + 4}" width="${px(w)}" height="${ROW - 8}" rx="2"><title>${escapeHtml(bar.title)}</title></rect>`,
      );
    }
    for (const mark of row.marks ?? []) {
      const x = scale.x(mark.at);
      out.push(
        `<path class="mark ${classTokens(mark.cls)}" d="M${px(x)} ${y + 4}l6 8l-6 8l-6 -8z"><title>${escapeHtml(mark.title)}</title></path>`,
      );
    }
  });
  out.push('</svg>');
  return out.join('');
}

/** Class names come partly from the journal (activity type, statuses): keep only safe tokens. */
function classTokens(value: string): string {
  return value
    .split(/\s+/)
    .filter((token) => /^[A-Za-z0-9_-]+$/.test(token))
    .join(' ');
}
