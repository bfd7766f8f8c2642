import type { Journal } from '@faultline/core';
import type { ExperimentTrend } from '../analysis/experiment-trends.js';
import type { RunSummary } from '../analysis/summarize-journal.js';
import { prepareRuns, type RenderOptions } from './prepare-runs.js';

export interface JsonReport {
  format: 'faultline-report';
  version: 1;
  generatedAt?: string;
  runs: RunSummary[];
  experiments: ExperimentTrend[];
}

/** The summary scripts read: one entry per run (oldest first) and one per experiment with its trend. */
export function buildJsonReport(input: Journal | readonly Journal[], options: RenderOptions = {}): JsonReport {
  const { runs, trends } = prepareRuns(input);
  return {
    format: 'faultline-report',
    version: 1,
    ...(options.generatedAt ? { generatedAt: options.generatedAt } : {}),
    runs: runs.map((r) => r.summary),
    experiments: trends,
  };
}

export function renderJson(input: Journal | readonly Journal[], options: RenderOptions = {}): string {
  return `${JSON.stringify(buildJsonReport(input, options), null, 2)}\n`;
}
