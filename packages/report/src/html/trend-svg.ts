import { extent } from '../util/extent.js';
import type { ExperimentTrend } from '../analysis/experiment-trends.js';
import { formatSeconds, formatUtc, toMs } from '../util/time.js';
import { escapeHtml } from './escape-html.js';
import { px } from './time-scale.js';

const WIDTH = 360;
const HEIGHT = 72;
const BASE = 54;

/**
 * Runs of one experiment, oldest to newest: one bar per run, its height the run's duration, its
 * colour the outcome; a dot for the share of continuous samples that held, when sampled.
 */
export function trendSvg(trend: ExperimentTrend, id: string): string {
  const runs = trend.runs;
  const longest = Math.max(extent(runs.map((r) => r.durationSeconds ?? 0)).max, 1);
  const slot = Math.min(48, (WIDTH - 20) / runs.length);
  const out: string[] = [];
  out.push(
    `<svg class="chart trend" role="img" aria-labelledby="${id}" viewBox="0 0 ${WIDTH} ${HEIGHT}" width="${WIDTH}" height="${HEIGHT}" xmlns="http://www.w3.org/2000/svg">`,
  );
  out.push(`<title id="${id}">${escapeHtml(`${trend.title}: ${runs.map((r) => r.outcome).join(', ')}`)}</title>`);
  out.push(`<line class="grid" x1="10" x2="${WIDTH - 10}" y1="${BASE}" y2="${BASE}"/>`);
  runs.forEach((run, i) => {
    const x = 10 + i * slot + slot * 0.15;
    const w = slot * 0.7;
    const h = Math.max(((run.durationSeconds ?? 0) / longest) * (BASE - 10), 3);
    out.push(
      `<rect class="bar outcome-${run.outcome}" x="${px(x)}" y="${px(BASE - h)}" width="${px(w)}" height="${px(h)}" rx="2"><title>${escapeHtml(`${formatUtc(toMs(run.start))}: ${run.outcome}, ${formatSeconds(run.durationSeconds)}${run.heldRatio === null ? '' : `, ${Math.round(run.heldRatio * 100)}% of samples held`}`)}</title></rect>`,
    );
    if (run.heldRatio !== null)
      out.push(
        `<circle class="held-ratio" cx="${px(x + w / 2)}" cy="${px(BASE - run.heldRatio * (BASE - 10))}" r="3"/>`,
      );
    if (runs.length <= 8)
      out.push(`<text class="tick" x="${px(x + w / 2)}" y="${BASE + 14}">${escapeHtml(run.start.slice(5, 10))}</text>`);
  });
  out.push('</svg>');
  return out.join('');
}
