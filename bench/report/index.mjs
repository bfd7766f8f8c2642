// HTML report of a 1-hour continuous run sampled every second (3,600+ hypothesis samples, two
// probes each while healthy), against the cheapest thing one can do with that journal in the same
// run: JSON.stringify it. Goal (issue 7): render median < 1 s and the page < 2 MB.
// Needs the built package: npx tsc -b packages/report
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { interleave, median, printTable, verdict } from '../lib/measure.mjs';
import { continuousJournal } from '../../packages/report/src/__fixtures__/generate-fixtures.mjs';

const dist = fileURLToPath(new URL('../../packages/report/dist/index.js', import.meta.url));
if (!existsSync(dist)) {
  console.error('packages/report is not built: run `npx tsc -b packages/report` first');
  process.exit(2);
}
const { renderHtml, renderMarkdown, renderJunit, renderJson } = await import(dist);

const journal = continuousJournal({ seconds: 3_660, every: 1, faultAt: 600, faultFor: 1_200, runId: 'bench-1h' });
const samples = journal.steady_states.during.length;
const rounds = Number(process.env.BENCH_ROUNDS ?? 9);
const time = (fn) => () => {
  const start = process.hrtime.bigint();
  fn();
  return Number(process.hrtime.bigint() - start) / 1e6;
};
const candidates = [
  { name: 'JSON.stringify(journal) [baseline]', run: time(() => JSON.stringify(journal)) },
  { name: 'renderHtml', run: time(() => renderHtml(journal)) },
  { name: 'renderMarkdown', run: time(() => renderMarkdown(journal)) },
  { name: 'renderJunit', run: time(() => renderJunit(journal)) },
  { name: 'renderJson', run: time(() => renderJson(journal)) },
];
for (const c of candidates) c.run(); // warm up the JIT
const results = interleave(candidates, rounds);
const baseline = median(results['JSON.stringify(journal) [baseline]']);
const journalBytes = Buffer.byteLength(JSON.stringify(journal, null, 2));
const htmlBytes = Buffer.byteLength(renderHtml(journal));
console.log(
  `journal: ${samples} continuous samples, ${(journalBytes / 1e6).toFixed(2)} MB as written; ${rounds} rounds`,
);
printTable(
  Object.entries(results).map(([name, values]) => ({
    step: name,
    'median ms': median(values).toFixed(1),
    'max ms': Math.max(...values).toFixed(1),
    'x baseline': (median(values) / baseline).toFixed(1),
  })),
);
console.log(
  `HTML size: ${(htmlBytes / 1e6).toFixed(2)} MB (${(htmlBytes / journalBytes).toFixed(2)}x the journal file)`,
);
const html = median(results.renderHtml);
const ok = [
  verdict(samples >= 3_600, `${samples} samples >= 3600`),
  verdict(html < 1_000, `renderHtml median ${html.toFixed(1)} ms < 1000 ms`),
  verdict(htmlBytes < 2_000_000, `HTML ${(htmlBytes / 1e6).toFixed(2)} MB < 2 MB`),
].every(Boolean);
process.exitCode = ok ? 0 : 1;
