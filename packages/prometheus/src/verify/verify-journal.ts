import { UsageError, type Journal } from '@faultline/core';
import { PrometheusClient, type PrometheusClientOptions } from '../http/prometheus-client.js';
import { evaluateSlo, type SloResult } from '../slo/evaluate-slo.js';
import type { SloFile } from '../slo/slo-definition.js';
import { parseWindow } from '../time/parse-window.js';

export interface VerifyOptions {
  readonly journal: Pick<Journal, 'start' | 'end' | 'experiment'>;
  readonly slos: SloFile;
  /** Explicit URL (--prometheus-url); else the SLO file's, else the journal's prometheus_base_url. */
  readonly prometheusUrl?: string;
  readonly marginBefore?: number | string;
  readonly marginAfter?: number | string;
  /** Auth/TLS for the client (bearer token from the environment, etc.). */
  readonly client?: Omit<PrometheusClientOptions, 'baseUrl'>;
  /** Evaluation end for journals of runs still in progress; default now. */
  readonly now?: Date;
}

export interface VerifyReport {
  readonly prometheusUrl: string;
  readonly window: { start: string; end: string };
  readonly results: SloResult[];
  readonly violated: number;
  readonly noData: number;
}

/**
 * Evaluate every SLO over the journal's window [start - marginBefore, end + marginAfter]: what CI
 * runs after `faultline run` instead of a hand-written validate_metrics.py.
 */
export async function verifyJournal(options: VerifyOptions): Promise<VerifyReport> {
  const { journal } = options;
  const start = Date.parse(journal.start);
  if (Number.isNaN(start))
    throw new UsageError('the journal has no valid "start" time', {
      code: 'E_JOURNAL',
      hint: 'pass a journal written by faultline run or chaos run',
    });
  const endText = journal.end;
  const end = endText ? Date.parse(endText) : (options.now ?? new Date()).getTime();
  if (Number.isNaN(end)) throw new UsageError('the journal has an invalid "end" time', { code: 'E_JOURNAL' });
  const before = parseWindow(options.marginBefore ?? 0, '--margin-before') * 1000;
  const after = parseWindow(options.marginAfter ?? 0, '--margin-after') * 1000;
  const windowStart = new Date(start - before);
  const windowEnd = new Date(Math.min(end + after, (options.now ?? new Date()).getTime()));

  const configured = journal.experiment?.configuration?.prometheus_base_url;
  const prometheusUrl =
    options.prometheusUrl ?? options.slos.prometheus_url ?? (typeof configured === 'string' ? configured : undefined);
  if (!prometheusUrl) {
    throw new UsageError('no Prometheus URL to verify against', {
      code: 'E_USAGE',
      hint: 'pass --prometheus-url, set prometheus_url in the SLO file, or prometheus_base_url in the experiment configuration',
    });
  }
  const client = new PrometheusClient({ ...options.client, baseUrl: prometheusUrl });
  const results: SloResult[] = [];
  for (const slo of options.slos.slos) {
    // A rule's own window looks back from the end of the run (e.g. "the last 5 minutes").
    const ruleStart =
      slo.window !== undefined && slo.window !== 'run'
        ? new Date(windowEnd.getTime() - parseWindow(slo.window, `SLO "${slo.name ?? slo.indicator}" window`) * 1000)
        : windowStart;
    results.push(await evaluateSlo(client, slo, ruleStart, windowEnd));
  }
  return {
    prometheusUrl,
    window: { start: windowStart.toISOString(), end: windowEnd.toISOString() },
    results,
    violated: results.filter((r) => r.status === 'violated').length,
    noData: results.filter((r) => r.status === 'no-data').length,
  };
}
