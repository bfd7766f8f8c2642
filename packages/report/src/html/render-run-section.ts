import type { Journal, RunEntry } from '@faultline/core';
import { describeActivity, previewOutput } from '../analysis/describe-activity.js';
import { faultWindows } from '../analysis/fault-windows.js';
import { timeToRecoverText } from '../analysis/time-to-recover-text.js';
import type { RunSummary } from '../analysis/summarize-journal.js';
import { formatSeconds, formatUtc, toMs } from '../util/time.js';
import { escapeHtml as e } from './escape-html.js';
import { probeChartsSvg } from './probe-chart-svg.js';
import { timelineSvg } from './timeline-svg.js';

const outcomeLabel: Record<RunSummary['outcome'] | 'recovered', string> = {
  held: 'Held',
  recovered: 'Held after degrading',
  deviated: 'Deviated',
  failed: 'Failed',
  interrupted: 'Interrupted',
  aborted: 'Aborted',
  unfinished: 'Unfinished',
  untried: 'Not tried',
};

const phaseLabel: Record<string, string> = {
  'hypothesis-before': 'steady state before',
  'hypothesis-during': 'steady state during',
  'hypothesis-after': 'steady state after',
  method: 'method',
  rollback: 'rollback',
  revert: 'revert',
};

function fact(label: string, value: string): string {
  return `<div><dt>${e(label)}</dt><dd>${value}</dd></div>`;
}

function offset(journal: Journal, iso: string | null | undefined): string {
  const base = toMs(journal.start);
  const at = toMs(iso ?? undefined);
  if (base === undefined || at === undefined) return '—';
  return `+${formatSeconds((at - base) / 1000)}`;
}

function entryRows(journal: Journal, list: RunEntry[]): string {
  return list
    .map(
      (entry, i) =>
        `<tr><td class="num">${i + 1}</td><td><strong>${e(entry.activity.name)}</strong>${entry.activity.background ? ' <span class="muted">(background)</span>' : ''}</td>` +
        `<td>${e(entry.activity.type)}</td><td><code>${e(describeActivity(entry.activity))}</code></td>` +
        `<td class="num">${e(offset(journal, entry.start))}</td><td class="num">${e(formatSeconds(entry.duration))}</td>` +
        `<td class="status-${e(entry.status)}">${e(entry.status)}</td><td><code>${e(previewOutput(entry.output))}</code></td></tr>`,
    )
    .join('');
}

const entryHead =
  '<tr><th class="num">#</th><th>Activity</th><th>Type</th><th>Calls</th><th class="num">Started</th><th class="num">Took</th><th>Status</th><th>Output</th></tr>';

/** One run's section of the HTML report. `summary` and `journal` are already redacted. */
export function renderRunSection(journal: Journal, summary: RunSummary, index: number): string {
  const id = `r${index}`;
  const faults = faultWindows(journal);
  const { impact } = summary;
  // completed without deviation, yet continuous checks failed on the way: not a clean pass
  const shown = summary.outcome === 'held' && impact.samples.failed > 0 ? 'recovered' : summary.outcome;
  const out: string[] = [];
  out.push(`<section class="run" id="run-${index + 1}">`);
  out.push(
    `<div class="run-head"><h2>${e(summary.title)}</h2><span class="badge outcome-${shown}">${outcomeLabel[shown]}</span></div>`,
  );
  if (journal.experiment.description) out.push(`<p class="muted">${e(journal.experiment.description)}</p>`);
  out.push(`<p class="verdict outcome-${shown}">${e(summary.verdict)}</p>`);
  if (summary.faultsLeftBehind.length)
    out.push(`<p class="warning">Possibly still injected: ${e(summary.faultsLeftBehind.join('; '))}</p>`);
  out.push('<dl class="facts">');
  out.push(fact('Started', e(formatUtc(toMs(journal.start)))));
  out.push(fact('Ended', e(formatUtc(toMs(journal.end)))));
  out.push(fact('Duration', e(formatSeconds(journal.duration))));
  out.push(fact('Status', `${e(journal.status)}${journal.deviated ? ' (deviated)' : ''}`));
  if (impact.continuous)
    out.push(
      fact(
        'Checks that held during the run',
        e(`${impact.samples.held} of ${impact.samples.total} (${Math.round((impact.samples.heldRatio ?? 0) * 100)}%)`),
      ),
    );
  if (summary.runId) out.push(fact('Run id', `<code>${e(summary.runId)}</code>`));
  out.push('</dl>');

  if (impact.faults.length) {
    out.push('<h3>Impact and recovery</h3>');
    if (!impact.continuous)
      out.push(
        '<p class="muted">The hypothesis was only checked before and after the method, so times to impact and recovery cannot be measured; run with <code>--hypothesis-strategy=continuously</code> to get them.</p>',
      );
    out.push(
      '<table class="impact"><tr><th>Fault</th><th>Injected</th><th>Removed</th><th class="num">Time to impact</th><th class="num">Time to recover</th><th class="num">Degraded for</th></tr>',
    );
    for (const f of impact.faults) {
      const impacted =
        f.impactedAt === null ? (impact.continuous ? 'no impact seen' : '—') : formatSeconds(f.timeToImpactSeconds);
      const recovered = timeToRecoverText(f);
      out.push(
        `<tr><td><strong>${e(f.activity)}</strong>${f.title !== f.activity ? `<br><span class="muted">${e(f.title)}</span>` : ''}</td><td>${e(offset(journal, f.injectedAt))}</td><td>${f.removedAt === null ? '<span class="status-failed">never</span>' : e(offset(journal, f.removedAt))}</td>` +
          `<td class="num">${e(impacted)}</td><td class="num">${e(recovered)}</td><td class="num">${e(f.degradedSeconds === null ? '—' : formatSeconds(f.degradedSeconds))}</td></tr>`,
      );
    }
    out.push('</table>');
  }

  out.push('<h3>Timeline</h3>');
  out.push(
    '<div class="legend"><span><i style="background:var(--action)"></i>action</span><span><i style="background:var(--probe)"></i>probe</span><span><i style="background:var(--rollback)"></i>rollback</span><span><i style="background:#e4e7ee;border:1px dashed #a9b0bd"></i>pause</span><span><i style="background:var(--held)"></i>steady state held</span><span><i style="background:var(--bad)"></i>did not hold / failed</span><span><i style="background:rgba(198,47,47,.18)"></i>fault injected</span></div>',
  );
  out.push(timelineSvg(journal, faults, id));

  const charts = probeChartsSvg(journal, faults, id);
  if (charts.length) {
    out.push('<h3>Probe values during the run</h3>');
    out.push(
      '<div class="legend"><span><i style="background:var(--held-soft)"></i>tolerance</span><span><i style="background:var(--action)"></i>value</span><span><i style="background:var(--bad)"></i>outside tolerance</span><span><i style="background:rgba(198,47,47,.18)"></i>fault injected</span></div>',
    );
    out.push(...charts);
  }

  out.push(`<h3>Steady-state hypothesis${summary.hypothesis.title ? `: ${e(summary.hypothesis.title)}` : ''}</h3>`);
  if (summary.hypothesis.probes.length === 0) out.push('<p class="muted">No hypothesis was declared.</p>');
  else {
    out.push('<table><tr><th>Probe</th><th>Tolerance</th><th>Before</th><th>During the method</th><th>After</th></tr>');
    const check = (c: string): string => `<span class="check ${c}">${c === 'not-run' ? 'not run' : c}</span>`;
    for (const p of summary.hypothesis.probes) {
      const during =
        p.during.total === 0
          ? '<span class="check not-run">not sampled</span>'
          : `<span class="check ${p.during.held === p.during.total ? 'held' : 'failed'}">${p.during.held}/${p.during.total} held</span>`;
      out.push(
        `<tr><td><strong>${e(p.name)}</strong></td><td><code>${e(p.tolerance)}</code></td><td>${check(p.before)}</td><td>${during}</td><td>${check(p.after)}</td></tr>`,
      );
    }
    out.push('</table>');
  }

  out.push('<h3>Method</h3>');
  out.push(
    journal.run.length
      ? `<table>${entryHead}${entryRows(journal, journal.run)}</table>`
      : '<p class="muted">No method activity ran.</p>',
  );

  out.push('<h3>Rollbacks and reverts</h3>');
  out.push(
    journal.rollbacks.length
      ? `<table>${entryHead}${entryRows(journal, journal.rollbacks)}</table>`
      : '<p class="muted">No rollback ran.</p>',
  );
  if (journal.faultline.reverts.length) {
    out.push(
      '<table><tr><th>Fault undone</th><th>By</th><th>Registered</th><th>Status</th><th>Reverted / error</th></tr>',
    );
    for (const r of journal.faultline.reverts) {
      out.push(
        `<tr><td><strong>${e(r.title)}</strong><br><span class="muted">from ${e(r.activity)}</span></td><td><code>${e(`${r.driver} ${r.func}`)}</code></td><td>${e(offset(journal, r.registered))}</td>` +
          `<td class="status-${e(r.status)}">${e(r.status)}</td><td>${r.error ? e(r.error) : e(offset(journal, r.reverted))}</td></tr>`,
      );
    }
    out.push('</table>');
  }

  out.push('<h3>Errors</h3>');
  if (summary.errors.length === 0) out.push('<p class="muted">No activity failed.</p>');
  for (const error of summary.errors) {
    out.push(
      `<div class="error"><div class="phase">${e(phaseLabel[error.phase] ?? error.phase)} · ${e(error.activity)}</div><strong>${e(error.message)}</strong>`,
    );
    if (error.detail.length > 1) out.push(`<pre>${e(error.detail.join('\n'))}</pre>`);
    out.push('</div>');
  }

  out.push('<h3>Experiment definition</h3><p class="muted">As run, with secrets replaced by <code>***</code>.</p>');
  out.push(`<pre class="definition">${e(JSON.stringify(journal.experiment, null, 2))}</pre>`);

  out.push('<h3>Environment and versions</h3><dl class="facts">');
  out.push(
    fact(
      'Written by',
      e(summary.writtenBy === 'faultline' ? `Faultline ${journal['faultline-version']}` : 'Chaos Toolkit'),
    ),
  );
  if (journal['chaoslib-version']) out.push(fact('Chaos Toolkit format (chaoslib)', e(journal['chaoslib-version'])));
  out.push(fact('Platform', e(journal.platform || '—')));
  out.push(fact('Host', e(journal.node || '—')));
  const settings = journal.faultline.settings;
  if (settings) out.push(fact('Settings', `<code>${e(JSON.stringify(settings))}</code>`));
  out.push('</dl>');
  out.push('</section>');
  return out.join('\n');
}
