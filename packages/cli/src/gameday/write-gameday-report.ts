import { readFile, writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import type { PlanStatus, StepResult } from './notify-webhooks.js';

const escape = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/**
 * One HTML report per step (next to its journal) and `index.html`: the game day's outcome and a
 * table of its runs, each linking its own report. Returns the index's path.
 */
export async function writeGamedayReport(
  outDir: string,
  gameday: { id: string; title: string; status: PlanStatus; steps: readonly StepResult[] },
): Promise<string> {
  const { parseJournal, renderHtml } = await import('@faultline/report');
  const rows: string[] = [];
  for (const step of gameday.steps) {
    let link = '';
    if (step.journalPath) {
      const html = step.journalPath.replace(/\.json$/, '.html');
      await writeFile(html, renderHtml(parseJournal(await readFile(step.journalPath, 'utf8'), step.journalPath)));
      link = `<a href="${escape(basename(html))}">report</a>`;
    }
    const vars = Object.entries(step.vars)
      .map(([key, value]) => `${key}=${String(value)}`)
      .join(', ');
    rows.push(
      `<tr><td>${escape(step.step)}</td><td>${escape(step.status)}</td><td>${step.deviated ? 'yes' : 'no'}</td><td>${escape(vars)}</td><td>${link}</td></tr>`,
    );
  }
  const index = join(outDir, 'index.html');
  await writeFile(
    index,
    `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${escape(gameday.title)}: game day</title>
<style>body{font:14px system-ui,sans-serif;margin:2rem}table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:.3rem .6rem;text-align:left}</style>
</head><body>
<h1>${escape(gameday.title)}</h1>
<p>Game day <code>${escape(gameday.id)}</code>: <strong>${escape(gameday.status)}</strong> after ${gameday.steps.length} run(s).</p>
<table><thead><tr><th>step</th><th>status</th><th>deviated</th><th>variables</th><th></th></tr></thead>
<tbody>
${rows.join('\n')}
</tbody></table>
</body></html>
`,
  );
  return index;
}
