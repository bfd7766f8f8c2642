import type { ExperimentTrend, TrendPoint } from '../analysis/experiment-trends.js';
import type { Outcome } from '../analysis/verdict.js';
import { formatSeconds } from '../util/time.js';
import { escapeHtml as e } from './escape-html.js';
import { trendSvg } from './trend-svg.js';

/** An experiment's past as the runs store knows it (`faultline report --history`). */
export interface ExperimentHistory {
  experimentId: string;
  title: string;
  /** Resilience score 0..100 (docs/store.md), null without a decisive run. */
  score: number | null;
  passRate: number | null;
  medianTimeToImpactSeconds: number | null;
  medianTimeToRecoverSeconds: number | null;
  /** Oldest first. */
  runs: TrendPoint[];
  findings: Array<{
    id: number;
    title: string;
    state: string;
    severity: string;
    owner: string | null;
    fixLink: string | null;
  }>;
}

/** Findings reuse the outcome colours: verified green, fixed amber, open and regressed red. */
const stateClass: Record<string, string> = {
  verified: 'outcome-held',
  fixed: 'outcome-untried',
  open: 'outcome-deviated',
  regressed: 'outcome-deviated',
};

const percent = (value: number | null) => (value === null ? '–' : `${Math.round(value * 100)}%`);

/** The history section: trend chart, pass rate, score and the experiment's findings. */
export function renderHistorySection(histories: readonly ExperimentHistory[]): string {
  const out: string[] = ['<section class="history"><h2>History</h2>'];
  histories.forEach((history, i) => {
    const counts = Object.fromEntries(
      ['held', 'deviated', 'failed', 'interrupted', 'aborted', 'unfinished', 'untried'].map((o) => [o, 0]),
    ) as Record<Outcome, number>;
    for (const run of history.runs) counts[run.outcome] += 1;
    const trend: ExperimentTrend = {
      title: history.title,
      runs: history.runs,
      counts,
      latest: history.runs[history.runs.length - 1]?.outcome ?? 'unfinished',
    };
    out.push(`<h3>${e(history.title)} <span class="muted">${e(history.experimentId)}</span></h3>`);
    out.push(
      `<p>Resilience score <strong>${history.score ?? '–'}</strong>/100 · pass rate ${percent(history.passRate)} over ${history.runs.length} run${history.runs.length === 1 ? '' : 's'} · median time to impact ${e(formatSeconds(history.medianTimeToImpactSeconds))} · median time to recover ${e(formatSeconds(history.medianTimeToRecoverSeconds))}</p>`,
    );
    if (history.runs.length) out.push(trendSvg(trend, `history-${i}`));
    if (!history.findings.length) {
      out.push('<p class="muted">No findings recorded for this experiment.</p>');
      return;
    }
    out.push('<table><tr><th>#</th><th>Finding</th><th>State</th><th>Severity</th><th>Owner</th><th>Fix</th></tr>');
    for (const f of history.findings) {
      // only http(s) links become links: the report forbids everything else anyway
      const fix = f.fixLink
        ? /^https?:\/\//.test(f.fixLink)
          ? `<a href="${e(f.fixLink)}">${e(f.fixLink)}</a>`
          : e(f.fixLink)
        : '–';
      out.push(
        `<tr><td>${f.id}</td><td>${e(f.title)}</td><td><span class="badge ${stateClass[f.state] ?? ''}">${e(f.state)}</span></td><td>${e(f.severity)}</td><td>${e(f.owner ?? '–')}</td><td>${fix}</td></tr>`,
      );
    }
    out.push('</table>');
  });
  out.push('</section>');
  return out.join('\n');
}
