import { loadSettings, parseDuration, UsageError } from '@faultline/core';
import type { Outcome, ResilienceScore, RunRecord } from '@faultline/store';
import type { CliIo } from '../cli-io.js';
import type { GlobalFlags } from '../global-flags.js';
import { withStore } from '../store/cli-store.js';
import { experimentRef } from '../store/experiment-ref.js';
import { formatTable, seconds, shortTime, sparkline } from '../store/format-table.js';
import { parseTime } from '../store/parse-time.js';
import type { HistoryFlags, TrendFlags } from './history.js';

type Globals = GlobalFlags & { store?: string };

const outcomes: readonly Outcome[] = ['held', 'deviated', 'failed', 'interrupted', 'aborted', 'untried', 'unfinished'];

function positiveInt(value: string | undefined, flag: string): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new UsageError(`${flag} must be a positive whole number, got "${value}"`);
  return n;
}

const json = (io: CliIo, value: unknown) => io.stdout.write(`${JSON.stringify(value, null, 2)}\n`);

const runRow = (r: RunRecord) => [
  r.id.slice(0, 8),
  shortTime(r.startedAt),
  r.outcome,
  seconds(r.durationSeconds),
  r.title,
  r.tags.join(','),
];

export async function listHistory(flags: HistoryFlags, globals: Globals, io: CliIo): Promise<void> {
  for (const status of flags.status ?? [])
    if (!outcomes.includes(status as Outcome))
      throw new UsageError(`unknown status "${status}"`, { hint: outcomes.join(', ') });
  const experiment = flags.experiment ? await experimentRef(flags.experiment, io.cwd) : undefined;
  await withStore(flags.store ?? globals.store, globals, io, async (store) => {
    const page = await store.listRuns({
      experiment,
      tag: flags.tag,
      outcome: flags.status as Outcome[] | undefined,
      since: flags.since ? parseTime(flags.since, '--since') : undefined,
      until: flags.until ? parseTime(flags.until, '--until') : undefined,
      limit: positiveInt(flags.limit, '--limit'),
      cursor: flags.cursor,
    });
    if (flags.output === 'json') return void json(io, page);
    if (!page.runs.length) return void io.stdout.write(`no runs in ${store.location} match\n`);
    io.stdout.write(
      formatTable(['RUN', 'STARTED (UTC)', 'OUTCOME', 'TOOK', 'EXPERIMENT', 'TAGS'], page.runs.map(runRow)),
    );
    if (page.nextCursor) io.stdout.write(`more: faultline history --cursor ${page.nextCursor}\n`);
  });
}

export async function showRun(
  ref: string,
  flags: { store?: string; journal?: boolean; output: string },
  globals: Globals,
  io: CliIo,
): Promise<void> {
  await withStore(flags.store ?? globals.store, globals, io, async (store) => {
    const run = await store.getRun(ref);
    if (flags.journal) return void json(io, run.journal);
    const findings = (await store.listFindings({ experiment: run.experimentId })).filter((f) => f.runId === run.id);
    if (flags.output === 'json') {
      const { journal: _journal, ...rest } = run;
      return void json(io, { ...rest, findings });
    }
    const lines = [
      `Run        ${run.id}`,
      `Experiment ${run.title} (${run.experimentId})${run.tags.length ? ` [${run.tags.join(', ')}]` : ''}`,
      `Outcome    ${run.outcome} (exit ${run.exitCode ?? '-'}), ${shortTime(run.startedAt)} UTC, took ${seconds(run.durationSeconds)}`,
      `Ran by     ${run.who ?? '-'} on ${run.where ?? '-'} (${run.origin}${run.source ? `: ${run.source}` : ''})`,
      '',
      run.summary.verdict,
    ];
    if (run.summary.faults.length) {
      lines.push('', 'Faults:');
      for (const f of run.summary.faults)
        lines.push(
          `  ${f.title}: impact after ${seconds(f.timeToImpactSeconds)}, recovered after ${seconds(f.timeToRecoverSeconds)}`,
        );
    }
    if (run.summary.errors.length) {
      lines.push('', 'What went wrong:');
      for (const e of run.summary.errors) lines.push(`  [${e.phase}] ${e.activity}: ${e.message}`);
    }
    for (const f of findings) lines.push('', `Finding #${f.id} (${f.state}): ${f.title}`);
    io.stdout.write(`${lines.join('\n')}\n`);
  });
}

export async function showTrend(
  experiment: string | undefined,
  flags: TrendFlags,
  globals: Globals,
  io: CliIo,
): Promise<void> {
  if (!experiment === !flags.tag)
    throw new UsageError('name an experiment or give --tag (not both)', {
      hint: 'faultline history trend checkout.yaml | faultline history trend --tag payments',
    });
  const scope = experiment ? { experiment: await experimentRef(experiment, io.cwd) } : { tag: flags.tag! };
  await withStore(flags.store ?? globals.store, globals, io, async (store) => {
    const trend = await store.trend(scope, {
      limit: positiveInt(flags.limit, '--limit'),
      since: flags.since ? parseTime(flags.since, '--since') : undefined,
    });
    if (flags.output === 'json') return void json(io, trend);
    if (!trend.points.length) return void io.stdout.write(`no runs of ${trend.title} yet\n`);
    const pct = (v: number | null) => (v === null ? '-' : `${Math.round(v * 100)}%`);
    const last = trend.points.slice(-60);
    const outcomeLine = last.map((p) => (p.outcome === 'held' ? '█' : p.outcome === 'deviated' ? '▁' : '·')).join('');
    io.stdout.write(
      [
        `${trend.title} (${trend.scope}): ${trend.runs} run${trend.runs === 1 ? '' : 's'}, ${shortTime(trend.points[0]!.startedAt)} → ${shortTime(trend.points.at(-1)!.startedAt)} UTC`,
        `resilience score  ${trend.score.value ?? '-'}/100 (held share ${pct(trend.score.heldShare)}, ${trend.score.openFindings} open finding${trend.score.openFindings === 1 ? '' : 's'})`,
        `pass rate         ${pct(trend.passRate)}`,
        `outcomes          ${outcomeLine}   (█ held ▁ deviated · other, oldest → newest)`,
        `time to impact    ${sparkline(last.map((p) => p.timeToImpactSeconds)) || '-'}   median ${seconds(trend.medianTimeToImpactSeconds)}`,
        `time to recover   ${sparkline(last.map((p) => p.timeToRecoverSeconds)) || '-'}   median ${seconds(trend.medianTimeToRecoverSeconds)}`,
        '',
      ].join('\n'),
    );
    io.stdout.write(
      formatTable(
        ['RUN', 'STARTED (UTC)', 'OUTCOME', 'HELD', 'IMPACT', 'RECOVER'],
        trend.points
          .slice(-10)
          .reverse()
          .map((p) => [
            p.runId.slice(0, 8),
            shortTime(p.startedAt),
            p.outcome,
            pct(p.heldRatio),
            seconds(p.timeToImpactSeconds),
            seconds(p.timeToRecoverSeconds),
          ]),
      ),
    );
  });
}

export async function listExperiments(flags: { store?: string; output: string }, globals: Globals, io: CliIo) {
  await withStore(flags.store ?? globals.store, globals, io, async (store) => {
    const experiments = await store.listExperiments();
    const scores: ResilienceScore[] = [];
    for (const e of experiments) scores.push((await store.trend({ experiment: e.id }, { limit: 20 })).score);
    if (flags.output === 'json')
      return void json(
        io,
        experiments.map((e, i) => ({ ...e, score: scores[i] })),
      );
    if (!experiments.length) return void io.stdout.write(`no runs in ${store.location} yet\n`);
    io.stdout.write(
      formatTable(
        ['EXPERIMENT', 'RUNS', 'LAST RUN (UTC)', 'LAST', 'SCORE', 'TITLE'],
        experiments.map((e, i) => [
          e.id,
          String(e.runs),
          shortTime(e.lastRunAt),
          e.lastOutcome ?? '-',
          scores[i]!.value === null ? '-' : String(scores[i]!.value),
          e.title,
        ]),
      ),
    );
  });
}

export async function pruneHistory(
  flags: { keep?: string; dry?: boolean; store?: string },
  globals: Globals,
  io: CliIo,
): Promise<void> {
  const { settings } = await loadSettings(globals.settings, io.env);
  const retention = (settings.store as { retention?: unknown } | undefined)?.retention;
  const keep = flags.keep ?? (typeof retention === 'string' || typeof retention === 'number' ? retention : '90d');
  const before = new Date(Date.now() - parseDuration(keep, '--keep') * 1000).toISOString();
  await withStore(flags.store ?? globals.store, globals, io, async (store) => {
    const result = await store.prune(before, { dryRun: flags.dry });
    io.stdout.write(
      `${flags.dry ? 'would delete' : 'deleted'} ${result.deleted} run${result.deleted === 1 ? '' : 's'} started before ${shortTime(before)} UTC; kept ${result.keptAsEvidence} older run${result.keptAsEvidence === 1 ? '' : 's'} that evidence a finding\n`,
    );
  });
}
