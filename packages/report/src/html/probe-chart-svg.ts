import { extent } from '../util/extent.js';
import type { Journal, Tolerance } from '@faultline/core';
import type { FaultWindow } from '../analysis/fault-windows.js';
import { hypothesisSamples } from '../analysis/hypothesis-samples.js';
import { describeTolerance, probeValue, toleranceRange } from '../analysis/probe-value.js';
import { toMs } from '../util/time.js';
import { escapeHtml } from './escape-html.js';
import { px, timeScale } from './time-scale.js';

const WIDTH = 960;
const LEFT = 70;
const RIGHT = WIDTH - 16;
const TOP = 24;
const PLOT = 150;
const HEIGHT = TOP + PLOT + 30;

interface Point {
  at: number;
  value: number | undefined;
  held: boolean;
}

function niceNumber(value: number): string {
  const abs = Math.abs(value);
  if (abs >= 1000) return `${Number((value / 1000).toFixed(1))}k`;
  return String(Number(value.toPrecision(3)));
}

/** Which probes were sampled, with their points over every hypothesis check of the run. */
function seriesByProbe(journal: Journal): Map<string, { tolerance: Tolerance | undefined; points: Point[] }> {
  const series = new Map<string, { tolerance: Tolerance | undefined; points: Point[] }>();
  for (const sample of hypothesisSamples(journal)) {
    for (const entry of sample.probes) {
      const at = toMs(entry.start) ?? sample.at;
      const tolerance = entry.activity.tolerance;
      const known = series.get(entry.activity.name) ?? { tolerance, points: [] };
      known.points.push({
        at,
        value: entry.status === 'succeeded' ? probeValue(entry.output, tolerance) : undefined,
        held: entry.status === 'succeeded' && entry.tolerance_met !== false,
      });
      series.set(entry.activity.name, known);
    }
  }
  return series;
}

function chart(
  name: string,
  tolerance: Tolerance | undefined,
  points: Point[],
  faults: FaultWindow[],
  from: number,
  to: number,
  id: string,
): string {
  const numeric = points.filter((p): p is Point & { value: number } => p.value !== undefined);
  const band = toleranceRange(tolerance);
  const scale = timeScale(from, to, LEFT, RIGHT);
  const out: string[] = [];
  out.push(
    `<svg class="chart probe-chart" role="img" aria-labelledby="${id}" viewBox="0 0 ${WIDTH} ${HEIGHT}" width="100%" preserveAspectRatio="xMinYMin meet" xmlns="http://www.w3.org/2000/svg">`,
  );
  const held = points.filter((p) => p.held).length;
  out.push(
    `<title id="${id}">${escapeHtml(`${name}: ${held} of ${points.length} checks within tolerance (${describeTolerance(tolerance)})`)}</title>`,
  );
  out.push(
    `<text class="chart-title" x="${LEFT}" y="14">${escapeHtml(name)} <tspan class="muted">— tolerance ${escapeHtml(describeTolerance(tolerance))}; ${held}/${points.length} held</tspan></text>`,
  );
  for (const fault of faults) {
    const x1 = scale.x(fault.start);
    const x2 = Math.max(scale.x(fault.end ?? to), x1 + 2);
    out.push(
      `<rect class="fault${fault.end === undefined ? ' open' : ''}" x="${px(x1)}" y="${TOP}" width="${px(x2 - x1)}" height="${PLOT}"><title>${escapeHtml(`fault: ${fault.title}`)}</title></rect>`,
    );
  }
  if (numeric.length >= 2) {
    const values = numeric.map((p) => p.value);
    const range = extent(values);
    let low = Math.min(range.min, band ? band[0] : Infinity, 0);
    let high = Math.max(range.max, band ? band[1] : -Infinity);
    if (high === low) high = low + 1;
    const pad = (high - low) * 0.08;
    high += pad;
    if (low < 0) low -= pad;
    const y = (v: number): number => TOP + PLOT - ((v - low) / (high - low)) * PLOT;
    if (band) {
      const top = y(Math.min(band[1], high));
      const bottom = y(Math.max(band[0], low));
      out.push(
        `<rect class="band" x="${LEFT}" y="${px(top)}" width="${RIGHT - LEFT}" height="${px(bottom - top)}"><title>${escapeHtml(`tolerance: ${band[0]} to ${band[1]}`)}</title></rect>`,
      );
    }
    for (let i = 0; i <= 4; i += 1) {
      const v = low + ((high - low) * i) / 4;
      out.push(
        `<line class="grid" x1="${LEFT}" x2="${RIGHT}" y1="${px(y(v))}" y2="${px(y(v))}"/><text class="axis" x="${LEFT - 6}" y="${px(y(v) + 4)}">${niceNumber(v)}</text>`,
      );
    }
    // one path for the whole series, a second one over the samples outside the tolerance
    let line = '';
    let bad = '';
    numeric.forEach((p, i) => {
      const point = `${px(scale.x(p.at))} ${px(y(p.value))}`;
      line += `${i === 0 ? 'M' : 'L'}${point}`;
      const prev = numeric[i - 1];
      if (!p.held) bad += prev && !prev.held ? `L${point}` : `M${point}h0.1`;
    });
    out.push(`<path class="series" d="${line}"/>`);
    if (bad) out.push(`<path class="series bad" d="${bad}"/>`);
  } else {
    // nothing numeric to plot (booleans, bodies): a strip of held / not held
    const mid = TOP + PLOT / 2;
    points.forEach((p, i) => {
      const x1 = scale.x(p.at);
      const x2 = scale.x(points[i + 1]?.at ?? p.at + 1000);
      out.push(
        `<rect class="bar sample ${p.held ? 'held' : 'failed'}" x="${px(x1)}" y="${mid - 12}" width="${px(Math.max(x2 - x1, 1.5))}" height="24"/>`,
      );
    });
    out.push(`<text class="axis" x="${LEFT - 6}" y="${mid + 4}">held?</text>`);
  }
  for (const tick of scale.ticks())
    out.push(`<text class="tick" x="${px(tick.x)}" y="${HEIGHT - 10}">${escapeHtml(tick.label)}</text>`);
  out.push(`<rect class="frame" x="${LEFT}" y="${TOP}" width="${RIGHT - LEFT}" height="${PLOT}"/>`);
  out.push('</svg>');
  return out.join('');
}

/**
 * One chart per hypothesis probe sampled during the method: its values over time with the
 * tolerance band (range tolerances) and the faults shaded. Empty when nothing was sampled.
 */
export function probeChartsSvg(journal: Journal, faults: FaultWindow[], idPrefix = 'r0'): string[] {
  if (journal.steady_states.during.length === 0) return [];
  const series = seriesByProbe(journal);
  const all = [...series.values()].flatMap((s) => s.points.map((p) => p.at));
  const { min: from } = extent([...all, ...faults.map((f) => f.start)]);
  const { max: to } = extent([...all, ...faults.map((f) => f.end ?? f.start)]);
  return [...series.entries()].map(([name, s], i) =>
    chart(name, s.tolerance, s.points, faults, from, to, `${idPrefix}-pc${i}`),
  );
}
