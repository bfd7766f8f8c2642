import type { Journal } from '@faultline/core';
import { normalizeJournal } from '../journal/normalize-journal.js';
import { faultWindows } from './fault-windows.js';
import { hypothesisSamples } from './hypothesis-samples.js';

export interface FaultImpact {
  activity: string;
  title: string;
  /** ISO times. `removedAt` is null when the fault was never removed. */
  injectedAt: string;
  removedAt: string | null;
  /** First failing sample at or after injection; null when the system never faltered. */
  impactedAt: string | null;
  timeToImpactSeconds: number | null;
  /** First passing sample at or after removal (and after the impact); null if none was taken. */
  recoveredAt: string | null;
  timeToRecoverSeconds: number | null;
  /** From the first failing sample to the next passing one, whether or not the fault was still in. */
  degradedSeconds: number | null;
}

export interface ImpactSummary {
  /** The run sampled the hypothesis while the method ran (continuous or during-method strategy). */
  continuous: boolean;
  samples: { total: number; held: number; failed: number; heldRatio: number | null };
  faults: FaultImpact[];
}

const iso = (ms: number | undefined): string | null => (ms === undefined ? null : new Date(ms).toISOString());
const seconds = (from: number, to: number | undefined): number | null =>
  to === undefined ? null : Math.round(to - from) / 1000;

/**
 * Impact and recovery from a journal, for the report and for the journal summary (the runner adds
 * it under `faultline.impact`). Needs hypothesis samples taken during the method: with only the
 * before/after checks, times to impact would just measure the gap between two checks, so they are
 * left null.
 */
export function computeImpact(input: Journal): ImpactSummary {
  // the runner passes its own journal; anything else (a Chaos Toolkit file) is made whole first
  const journal = normalizeJournal(input);
  const all = hypothesisSamples(journal);
  const during = all.filter((s) => s.phase === 'during');
  const held = during.filter((s) => s.held).length;
  const continuous = during.length > 0;
  const observed = all.filter((s) => s.phase !== 'before');
  const faults = faultWindows(journal).map((fault): FaultImpact => {
    const impact: FaultImpact = {
      activity: fault.activity,
      title: fault.title,
      injectedAt: iso(fault.start)!,
      removedAt: iso(fault.end),
      impactedAt: null,
      timeToImpactSeconds: null,
      recoveredAt: null,
      timeToRecoverSeconds: null,
      degradedSeconds: null,
    };
    if (!continuous) return impact;
    const hit = observed.find((s) => s.at >= fault.start && !s.held);
    if (!hit) return impact;
    impact.impactedAt = iso(hit.at);
    impact.timeToImpactSeconds = seconds(fault.start, hit.at);
    const healed = observed.find((s) => s.at > hit.at && s.held);
    impact.degradedSeconds = seconds(hit.at, healed?.at);
    if (fault.end !== undefined) {
      const from = Math.max(fault.end, hit.at);
      const recovered = observed.find((s) => s.at >= from && s.held);
      impact.recoveredAt = iso(recovered?.at);
      impact.timeToRecoverSeconds = seconds(fault.end, recovered?.at);
    }
    return impact;
  });
  return {
    continuous,
    samples: {
      total: during.length,
      held,
      failed: during.length - held,
      heldRatio: continuous ? held / during.length : null,
    },
    faults,
  };
}
