import type { Journal } from '@faultline/core';
import { experimentTrends, type ExperimentTrend } from '../analysis/experiment-trends.js';
import { summarizeJournal, type RunSummary } from '../analysis/summarize-journal.js';
import type { ExperimentHistory } from '../html/render-history-section.js';
import { normalizeJournal } from '../journal/normalize-journal.js';
import { redactJournal } from '../redact/redact-journal.js';

export interface PreparedRuns {
  runs: Array<{ journal: Journal; summary: RunSummary }>;
  trends: ExperimentTrend[];
}

/** What every format starts from: journals made whole, secrets masked, summarised, oldest first. */
export function prepareRuns(input: Journal | readonly Journal[]): PreparedRuns {
  const list = Array.isArray(input) ? input : [input as Journal];
  const runs = list
    .map((raw, i) => normalizeJournal(raw, `journal #${i + 1}`))
    .map((journal) => redactJournal(journal))
    .map((journal) => ({ journal, summary: summarizeJournal(journal) }));
  if (runs.length > 1) runs.sort((a, b) => a.journal.start.localeCompare(b.journal.start));
  return { runs, trends: experimentTrends(runs.map((r) => r.summary)) };
}

/** Options shared by the renderers. */
export interface RenderOptions {
  /** ISO time printed as "generated at"; omitted when not given, so output is reproducible. */
  generatedAt?: string;
  /** Trends and findings from the runs store, per experiment (HTML only). */
  history?: readonly ExperimentHistory[];
}
