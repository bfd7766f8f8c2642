import type { Journal } from '@faultline/core';
import { escapeHtml as e } from '../html/escape-html.js';
import { renderHistorySection } from '../html/render-history-section.js';
import { renderRunSection } from '../html/render-run-section.js';
import { reportStyles } from '../html/report-styles.js';
import { trendSvg } from '../html/trend-svg.js';
import { formatSeconds, formatUtc, toMs } from '../util/time.js';
import { prepareRuns, type RenderOptions } from './prepare-runs.js';

/**
 * One self-contained HTML page for one or more journals: inline CSS and SVG, no script, and a
 * Content-Security-Policy that forbids fetching anything, so it renders the same offline, as a
 * CI artifact or printed. Several journals get a summary table with a trend per experiment.
 */
export function renderHtml(input: Journal | readonly Journal[], options: RenderOptions = {}): string {
  const { runs, trends } = prepareRuns(input);
  const many = runs.length > 1;
  const title = many
    ? `Faultline report: ${runs.length} runs of ${trends.length} experiment${trends.length > 1 ? 's' : ''}`
    : `Faultline report: ${runs[0]?.summary.title ?? 'no run'}`;
  const out: string[] = [];
  out.push('<!DOCTYPE html>');
  out.push('<html lang="en"><head><meta charset="utf-8">');
  out.push(
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">`,
  );
  out.push(
    '<meta name="viewport" content="width=device-width, initial-scale=1"><meta name="color-scheme" content="light">',
  );
  out.push(
    `<meta name="generator" content="Faultline"><title>${e(title)}</title><style>${reportStyles}</style></head><body>`,
  );
  out.push(`<header><h1>${e(title)}</h1>`);
  if (options.generatedAt) out.push(`<p class="muted">Generated ${e(formatUtc(toMs(options.generatedAt)))}</p>`);
  out.push('</header>');
  if (many) {
    out.push(
      '<section class="overview"><h3>Summary</h3><table><tr><th>Experiment</th><th class="num">Runs</th><th class="num">Held</th><th class="num">Deviated</th><th class="num">Failed / stopped</th><th>Latest</th><th>Trend (bar height = duration)</th></tr>',
    );
    trends.forEach((trend, i) => {
      const c = trend.counts;
      out.push(
        `<tr><td><strong>${e(trend.title)}</strong></td><td class="num">${trend.runs.length}</td><td class="num">${c.held}</td><td class="num">${c.deviated}</td><td class="num">${c.failed + c.aborted + c.interrupted + c.unfinished + c.untried}</td>` +
          `<td><span class="badge outcome-${trend.latest}">${e(trend.latest)}</span></td><td>${trendSvg(trend, `trend-${i}`)}</td></tr>`,
      );
    });
    out.push('</table>');
    out.push(
      '<table><tr><th>#</th><th>Experiment</th><th>Started</th><th class="num">Duration</th><th>Outcome</th><th>Verdict</th></tr>',
    );
    runs.forEach(({ journal, summary }, i) => {
      out.push(
        `<tr><td><a href="#run-${i + 1}">${i + 1}</a></td><td>${e(summary.title)}</td><td>${e(formatUtc(toMs(journal.start)))}</td><td class="num">${e(formatSeconds(journal.duration))}</td>` +
          `<td><span class="badge outcome-${summary.outcome}">${e(summary.outcome)}</span></td><td>${e(summary.verdict)}</td></tr>`,
      );
    });
    out.push('</table></section>');
  }
  runs.forEach(({ journal, summary }, i) => out.push(renderRunSection(journal, summary, i)));
  if (options.history?.length) out.push(renderHistorySection(options.history));
  out.push(
    '<footer>Made by Faultline from the run journal. Times are UTC; “+12 s” is counted from the start of the run.</footer>',
  );
  out.push('</body></html>');
  return `${out.join('\n')}\n`;
}
