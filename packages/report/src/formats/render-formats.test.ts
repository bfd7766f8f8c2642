import { describe, expect, it } from 'vitest';
import { fixtureNames, fixtureSecrets, loadFixture } from '../__fixtures__/load-fixture.js';
import { renderHtml } from './render-html.js';
import { renderJson } from './render-json.js';
import { renderJunit } from './render-junit.js';
import { renderMarkdown } from './render-markdown.js';

const formats = [
  { name: 'html', ext: 'html', render: renderHtml },
  { name: 'markdown', ext: 'md', render: renderMarkdown },
  { name: 'json', ext: 'json', render: renderJson },
  { name: 'junit', ext: 'xml', render: renderJunit },
] as const;

describe.each(fixtureNames)('%s journal', (fixture) => {
  it.each(formats)('renders $name like the snapshot', async ({ ext, render }) => {
    const output = render(loadFixture(fixture));
    await expect(output).toMatchFileSnapshot(`../__snapshots__/${fixture}.${ext}`);
  });

  it.each(formats)('never shows a secret in $name', ({ render }) => {
    const output = render(loadFixture(fixture));
    for (const secret of fixtureSecrets) expect(output).not.toContain(secret);
  });
});

describe('several journals', () => {
  const all = [...fixtureNames.map(loadFixture), loadFixture('continuous-later')];
  it.each(formats)('render one $name report with a summary', async ({ ext, render }) => {
    await expect(render(all)).toMatchFileSnapshot(`../__snapshots__/all-runs.${ext}`);
  });

  it('groups runs of the same experiment into one trend, oldest first', () => {
    const report = JSON.parse(renderJson(all)) as {
      runs: Array<{ title: string; start: string }>;
      experiments: Array<{ title: string; runs: Array<{ outcome: string }> }>;
    };
    expect(report.runs).toHaveLength(8);
    expect(report.runs.map((r) => r.start)).toEqual([...report.runs.map((r) => r.start)].sort());
    const checkout = report.experiments.find((e) => e.title === 'Checkout latency under payment delay');
    expect(checkout?.runs.map((r) => r.outcome)).toEqual(['held', 'held']);
    // the Chaos Toolkit run and the failed Faultline run share their title
    const pods = report.experiments.find((e) => e.title === 'Pod Resilience Experiment');
    expect(pods?.runs.map((r) => r.outcome)).toEqual(['failed', 'deviated']);
    const html = renderHtml(all);
    expect(html.match(/<svg class="chart trend"/g)).toHaveLength(report.experiments.length);
    expect(renderMarkdown(all)).toContain('| Checkout latency under payment delay | 2 | 2 | 0 | 0 | ⚠️ held | ⚠️ ⚠️ |');
  });
});

describe('HTML', () => {
  it('is one self-contained page: no script, no external reference, a CSP that forbids fetching', () => {
    for (const fixture of fixtureNames) {
      const html = renderHtml(loadFixture(fixture));
      expect(html).not.toMatch(/<script|<link|<img|<iframe|@import|url\((?!#)/i);
      expect(html).not.toMatch(/\s(src|href)="(?!#)/);
      expect(html).toContain(`content="default-src 'none'; style-src 'unsafe-inline'; img-src data:"`);
    }
  });

  it('draws the timeline with fault shading, and the probe values with the tolerance band', () => {
    const html = renderHtml(loadFixture('continuous'));
    expect(html).toContain('<svg class="chart timeline"');
    expect(html.match(/<rect class="fault"/g)?.length).toBeGreaterThanOrEqual(3); // timeline + 2 probe charts
    expect(html.match(/<svg class="chart probe-chart"/g)).toHaveLength(2);
    expect(html).toContain('<rect class="band"');
    expect(html).toContain('<path class="series bad"');
    expect(html).toContain('class="bar pause"');
  });

  it('hatches a fault that was never removed and warns about it', () => {
    const html = renderHtml(loadFixture('aborted'));
    expect(html).toContain('<rect class="fault open"');
    expect(html).toContain('Possibly still injected: uncordon nodes worker-1, worker-2');
  });

  it('escapes what the journal says', () => {
    const journal = loadFixture('completed');
    journal.experiment.title = '<img src=x onerror=alert(1)>';
    const html = renderHtml(journal);
    expect(html).not.toContain('<img src=x');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
  });

  it('says in one sentence what happened', () => {
    const verdict = (fixture: (typeof fixtureNames)[number]) =>
      /<p class="verdict[^"]*">([^<]*)<\/p>/.exec(renderHtml(loadFixture(fixture)))?.[1];
    expect(verdict('completed')).toMatch(
      /^The system held: while Faultline ran terminate-product-catalog-pod and terminate-inventory-pod/,
    );
    expect(verdict('deviated')).toMatch(/^The system did not hold: .* — can-place-order: expected true, got false\.$/);
    expect(verdict('failed')).toMatch(/^Nothing was tried: .* ECONNREFUSED/);
    expect(verdict('interrupted')).toMatch(/^The run was stopped before it could tell/);
    expect(verdict('aborted')).toMatch(
      /^The run was aborted: cordon-zone failed .* Warning: a fault may still be in place/,
    );
    expect(verdict('continuous')).toMatch(
      /^The system recovered, but did not hold throughout: .* held in only 29 of 60 checks \(48%\)/,
    );
    expect(verdict('chaostoolkit')).toMatch(/^The system did not hold: .*Read timed out/);
  });

  it('does not call a run that never got past a broken steady state "held"', () => {
    // Chaos Toolkit's layout for it: completed, not deviated, no method run
    const journal = loadFixture('completed');
    journal.steady_states.before!.steady_state_met = false;
    Object.assign(journal.steady_states.before!.probes[1]!, {
      tolerance_met: false,
      tolerance_reason: 'expected 200, got 503',
    });
    journal.run = [];
    journal.steady_states.after = null;
    const html = renderHtml(journal);
    expect(html).toContain('<span class="badge outcome-untried">Not tried</span>');
    expect(html).toContain(
      'Nothing was tried: “Services are available and responsive” was already false before any fault was injected — orders-api-healthy: expected 200, got 503.',
    );
    expect(renderMarkdown(journal)).toMatch(/^# 🚫 Pod Failure Resilience — untried/);
  });
});
