import { writeFile } from 'node:fs/promises';
import { runExperiment, type ControlDeclaration, type Journal, type Logger, type RunObserver } from '@faultline/core';
import { loadAndValidate } from '../load-and-validate.js';
import { faultlineVersion } from '../version.js';
import { verdictOf } from './verdict-of.js';
import type { Verdict } from './demo-experiments.js';

export interface DemoRun {
  journal: Journal;
  verdict: Verdict;
  reason?: string;
  journalPath: string;
  reportPath: string;
}

/**
 * Runs one experiment of examples/local against a running shop, as `faultline run` would with a
 * continuous hypothesis (sampled every 0.25 s while the faults are active) and --fail-fast, then renders its HTML
 * report beside the journal.
 */
export async function runDemoExperiment(options: {
  file: string;
  env: Record<string, string | undefined>;
  cwd: string;
  journalPath: string;
  signal: AbortSignal;
  observer: RunObserver;
  logger: Logger;
  /** The settings and their global controls, as `faultline run` gets them. */
  settings: Record<string, unknown>;
  controls: ControlDeclaration[];
}): Promise<DemoRun> {
  const { settings, controls } = options;
  const loaded = await loadAndValidate(options.file, { cwd: options.cwd, env: options.env, settings, controls });
  const journal = await runExperiment({
    experiment: loaded.experiment,
    baseDir: loaded.baseDir,
    resolver: loaded.resolver,
    settings,
    controls,
    env: options.env,
    hypothesisStrategy: 'continuously',
    hypothesisFrequency: 0.25,
    // The steady state must hold the whole time the faults are active: the first broken sample is a deviation.
    failFast: true,
    journalPath: options.journalPath,
    signal: options.signal,
    observers: [options.observer],
    logger: options.logger,
    version: faultlineVersion,
    finalize: async (journal) => {
      if (!journal.steady_states.during.length) return;
      const { computeImpact } = await import('@faultline/report');
      journal.faultline.impact = computeImpact(journal);
    },
  }).finally(() => loaded.resolver.close());
  const { renderHtml } = await import('@faultline/report');
  const reportPath = options.journalPath.replace(/\.json$/, '.html');
  await writeFile(reportPath, renderHtml(journal, { generatedAt: new Date().toISOString() }));
  return { journal, ...verdictOf(journal), journalPath: options.journalPath, reportPath };
}
