import { escapeHtml as e } from '@faultline/report';
import { resilienceScore, type Finding, type Trend } from '@faultline/store';

const width = 560;
const height = 120;
const pad = 24;

/**
 * Pass rate (held over decisive runs, cumulative) and resilience score after each run, both 0..100,
 * as one SVG. The score of past points uses today's findings: the store keeps no finding snapshots.
 */
export function trendChartSvg(trend: Trend, findings: Finding[]): string {
  const points = trend.points;
  if (!points.length) return '<p class="empty">no runs</p>';
  const passRate: Array<number | null> = [];
  const score: Array<number | null> = [];
  let held = 0;
  let decisive = 0;
  points.forEach((p, i) => {
    if (p.outcome === 'held' || p.outcome === 'deviated') decisive++;
    if (p.outcome === 'held') held++;
    passRate.push(decisive ? (100 * held) / decisive : null);
    const newestFirst = points
      .slice(0, i + 1)
      .map((q) => q.outcome)
      .reverse();
    score.push(resilienceScore(newestFirst, findings).value);
  });
  const first = Date.parse(points[0]!.startedAt);
  const span = Math.max(Date.parse(points.at(-1)!.startedAt) - first, 1);
  const x = (i: number) =>
    pad + (width - 2 * pad) * (points.length === 1 ? 0.5 : (Date.parse(points[i]!.startedAt) - first) / span);
  const y = (v: number) => height - pad - ((height - 2 * pad) * v) / 100;
  const line = (values: Array<number | null>) =>
    values
      .map((v, i) => (v === null ? '' : `${x(i).toFixed(1)},${y(v).toFixed(1)}`))
      .filter(Boolean)
      .join(' ');
  const dots = points
    .map(
      (p, i) =>
        `<circle cx="${x(i).toFixed(1)}" cy="${height - 8}" r="3" class="dot outcome-${e(p.outcome)}"><title>${e(p.startedAt)} ${e(p.outcome)}</title></circle>`,
    )
    .join('');
  return (
    `<svg class="trend" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" aria-label="pass rate and resilience score of ${e(trend.title)}">` +
    `<line x1="${pad}" y1="${y(100)}" x2="${width - pad}" y2="${y(100)}" stroke="#ddd"/><line x1="${pad}" y1="${y(0)}" x2="${width - pad}" y2="${y(0)}" stroke="#ddd"/>` +
    `<text x="2" y="${y(100) + 4}" font-size="10" fill="#666">100</text><text x="10" y="${y(0) + 4}" font-size="10" fill="#666">0</text>` +
    `<polyline points="${line(passRate)}" fill="none" stroke="#2a7" stroke-width="2"><title>pass rate</title></polyline>` +
    `<polyline points="${line(score)}" fill="none" stroke="#36c" stroke-width="2" stroke-dasharray="4 3"><title>resilience score</title></polyline>` +
    `${dots}</svg>`
  );
}

const fmt = (v: number | null, unit = '') => (v === null ? '—' : `${Math.round(v * 10) / 10}${unit}`);

type Scoped = { trend: Trend; findings: Finding[] };

const block = ({ trend, findings }: Scoped) =>
  `<section class="trend-block"><h3>${e(trend.title)}</h3><p class="figures">` +
  `runs ${trend.runs} · pass rate ${fmt(trend.passRate === null ? null : trend.passRate * 100, '%')} · ` +
  `score ${fmt(trend.score.value)} · time to impact ${fmt(trend.medianTimeToImpactSeconds, ' s')} · ` +
  `time to recover ${fmt(trend.medianTimeToRecoverSeconds, ' s')}</p>${trendChartSvg(trend, findings)}</section>`;

/** One block per experiment, then one per tag (a service's experiments together). */
export function renderTrendsPage(byExperiment: Scoped[], byTag: Scoped[] = []): string {
  if (!byExperiment.length) return '<p class="empty">No runs recorded yet.</p>';
  const legend =
    '<p class="legend"><span class="key pass"></span> pass rate (held / decisive runs) <span class="key score"></span> resilience score · dots: each run by outcome</p>';
  const tags = byTag.length ? `<h2>By tag</h2>${byTag.map(block).join('')}` : '';
  return `${legend}<h2>By experiment</h2>${byExperiment.map(block).join('')}${tags}`;
}
