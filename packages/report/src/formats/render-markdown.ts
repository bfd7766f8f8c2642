import { stripControlCharacters, type Journal } from '@faultline/core';
import { timeToRecoverText } from '../analysis/time-to-recover-text.js';
import type { Outcome } from '../analysis/verdict.js';
import { formatSeconds, formatUtc, toMs } from '../util/time.js';
import { prepareRuns, type RenderOptions } from './prepare-runs.js';

const icon: Record<Outcome, string> = {
  held: '✅',
  deviated: '❌',
  failed: '💥',
  interrupted: '⏹️',
  aborted: '⛔',
  unfinished: '⏳',
  untried: '🚫',
};
const checkIcon = { held: '✅', failed: '❌', 'not-run': '➖' } as const;

/** A completed run whose continuous checks failed on the way is not shown as a clean pass. */
const mark = (outcome: Outcome, heldRatio: number | null): string =>
  outcome === 'held' && heldRatio !== null && heldRatio < 1 ? '⚠️' : icon[outcome];

/**
 * Safe inside a table cell or a line: no pipes, no newlines, no stray HTML, no terminal escapes,
 * no Markdown links, images or emphasis from the journal's text.
 */
function cell(value: unknown): string {
  return stripControlCharacters(String(value ?? ''))
    .replace(/\r?\n/g, ' ')
    .replace(/([\\`*_[\]!])/g, '\\$1')
    .replace(/\|/g, '\\|')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;');
}

function code(value: string): string {
  // Inside a code span nothing is Markdown; pipes, backticks, controls and tags still matter.
  const text = stripControlCharacters(String(value ?? ''))
    .replace(/\r?\n/g, ' ')
    .replace(/\|/g, '\\|')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/`/g, "'");
  return text ? `\`${text}\`` : '';
}

/** A compact report for a pull-request comment or a CI job summary (GitHub-flavoured Markdown). */
export function renderMarkdown(input: Journal | readonly Journal[], options: RenderOptions = {}): string {
  const { runs, trends } = prepareRuns(input);
  const out: string[] = [];
  if (runs.length > 1) {
    out.push(`# Faultline: ${runs.length} runs of ${trends.length} experiment${trends.length > 1 ? 's' : ''}`, '');
    out.push(
      '| Experiment | Runs | Held | Deviated | Failed / stopped | Latest | Trend (oldest → newest) |',
      '|---|---:|---:|---:|---:|---|---|',
    );
    for (const t of trends) {
      const c = t.counts;
      out.push(
        `| ${cell(t.title)} | ${t.runs.length} | ${c.held} | ${c.deviated} | ${c.failed + c.aborted + c.interrupted + c.unfinished + c.untried} | ${mark(t.latest, t.runs[t.runs.length - 1]!.heldRatio)} ${t.latest} | ${t.runs.map((r) => mark(r.outcome, r.heldRatio)).join(' ')} |`,
      );
    }
    out.push('');
  }
  for (const { journal, summary } of runs) {
    const degraded = mark(summary.outcome, summary.impact.samples.heldRatio) !== icon[summary.outcome];
    out.push(
      `${runs.length > 1 ? '##' : '#'} ${mark(summary.outcome, summary.impact.samples.heldRatio)} ${cell(summary.title)} — ${degraded ? 'held after degrading' : summary.outcome}`,
      '',
    );
    out.push(`> ${cell(summary.verdict)}`, '');
    const facts = [
      `**Started** ${formatUtc(toMs(journal.start))}`,
      `**Duration** ${formatSeconds(journal.duration)}`,
      `**Status** ${cell(journal.status)}${journal.deviated ? ' (deviated)' : ''}`,
    ];
    if (summary.runId) facts.push(`**Run** ${code(summary.runId)}`);
    out.push(facts.join(' · '), '');
    if (summary.faultsLeftBehind.length)
      out.push(`> [!WARNING]`, `> Possibly still injected: ${cell(summary.faultsLeftBehind.join('; '))}`, '');
    if (summary.hypothesis.probes.length) {
      out.push(`**Steady state${summary.hypothesis.title ? `: ${cell(summary.hypothesis.title)}` : ''}**`, '');
      out.push('| Probe | Tolerance | Before | During | After |', '|---|---|:-:|:-:|:-:|');
      for (const p of summary.hypothesis.probes) {
        const during = p.during.total
          ? `${p.during.held === p.during.total ? '✅' : '❌'} ${p.during.held}/${p.during.total}`
          : '➖';
        out.push(
          `| ${cell(p.name)} | ${code(p.tolerance)} | ${checkIcon[p.before]} | ${during} | ${checkIcon[p.after]} |`,
        );
      }
      out.push('');
    }
    const { impact } = summary;
    if (impact.faults.length && impact.continuous) {
      out.push(
        `**Impact and recovery** — ${impact.samples.held}/${impact.samples.total} checks held during the run`,
        '',
      );
      out.push('| Fault | Time to impact | Time to recover | Degraded for |', '|---|---:|---:|---:|');
      for (const f of impact.faults) {
        const recover = timeToRecoverText(f);
        out.push(
          `| ${cell(f.activity)} | ${f.impactedAt === null ? 'no impact' : formatSeconds(f.timeToImpactSeconds)} | ${recover} | ${f.degradedSeconds === null ? '—' : formatSeconds(f.degradedSeconds)} |`,
        );
      }
      out.push('');
    }
    const activities = [
      ...journal.run.map((e) => ({ e, kind: '' })),
      ...journal.rollbacks.map((e) => ({ e, kind: 'rollback ' })),
    ];
    if (activities.length) {
      out.push('**Activities**', '');
      for (const { e, kind } of activities) {
        const mark = e.status === 'succeeded' ? '✅' : e.status === 'skipped' ? '➖' : '❌';
        out.push(
          `- ${mark} ${kind}${cell(e.activity.type)} ${code(e.activity.name)} — ${cell(e.status)}, ${formatSeconds(e.duration)}`,
        );
      }
      out.push('');
    }
    if (summary.errors.length) {
      out.push('**Errors**', '');
      for (const error of summary.errors)
        out.push(`- ${error.phase} · ${code(error.activity)}: ${cell(error.message)}`);
      out.push('');
    }
    if (summary.reverts.length) {
      out.push('<details><summary>Reverts</summary>', '');
      for (const r of summary.reverts)
        out.push(
          `- ${r.status === 'reverted' || r.status === 'done-by-activity' ? '✅' : '❌'} ${cell(r.title)} — ${cell(r.status)}${r.error ? `: ${cell(r.error)}` : ''}`,
        );
      out.push('', '</details>', '');
    }
  }
  if (options.generatedAt) out.push(`<sub>Generated by Faultline ${formatUtc(toMs(options.generatedAt))}</sub>`, '');
  return `${out
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trimEnd()}\n`;
}
