import type { Outcome } from './verdict.js';
import type { RunSummary } from './summarize-journal.js';

export interface TrendPoint {
  runId: string;
  start: string;
  outcome: Outcome;
  durationSeconds: number | null;
  heldRatio: number | null;
}

export interface ExperimentTrend {
  title: string;
  runs: TrendPoint[];
  counts: Record<Outcome, number>;
  /** Outcome of the most recent run. */
  latest: Outcome;
}

/** Runs grouped by experiment title, oldest first, for the summary table and the trend chart. */
export function experimentTrends(summaries: RunSummary[]): ExperimentTrend[] {
  const byTitle = new Map<string, RunSummary[]>();
  for (const summary of summaries) {
    const list = byTitle.get(summary.title) ?? [];
    list.push(summary);
    byTitle.set(summary.title, list);
  }
  return [...byTitle.entries()].map(([title, list]) => {
    const runs = [...list]
      .sort((a, b) => a.start.localeCompare(b.start))
      .map((s): TrendPoint => ({
        runId: s.runId,
        start: s.start,
        outcome: s.outcome,
        durationSeconds: s.durationSeconds,
        heldRatio: s.impact.samples.heldRatio,
      }));
    const counts: Record<Outcome, number> = {
      held: 0,
      deviated: 0,
      failed: 0,
      interrupted: 0,
      aborted: 0,
      unfinished: 0,
      untried: 0,
    };
    for (const run of runs) counts[run.outcome] += 1;
    return { title, runs, counts, latest: runs[runs.length - 1]!.outcome };
  });
}
