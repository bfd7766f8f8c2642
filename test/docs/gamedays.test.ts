import { mkdtempSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { loadPlan } from '../../packages/cli/src/gameday/load-plan.js';
import { runShell } from './start-shell.js';
import { blocksOf, fencedBlocks, tally } from './fenced-blocks.js';
import { blockSynopsisProblems } from './synopsis-problems.js';

const blocks = fencedBlocks('docs/gamedays.md');
const [plan, event] = [blocksOf(blocks, 'runs', 'yaml')[0]!.code, blocksOf(blocks, 'runs', 'json')[0]!.code];

describe('docs/gamedays.md: every example runs as written', () => {
  const received: Array<{ url: string; body: Record<string, any> }> = [];
  let base = '';
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk) => (body += chunk));
    req.on('end', () => {
      if (req.method === 'POST') received.push({ url: req.url!, body: JSON.parse(body) });
      res.end('ok');
    });
  });
  beforeAll(async () => {
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise((resolve) => server.close(resolve)));

  it('has the blocks this test checks, each marked with its role', () => {
    expect(tally(blocks)).toEqual({ runs: 2, fragment: 0, synopsis: 1, illustrative: 0 });
    expect(blocksOf(blocks, 'synopsis').flatMap((b) => blockSynopsisProblems(b.code))).toEqual([]);
  });

  it('the plan is valid as written, and runs (outside its window: without it) telling both webhooks', async () => {
    const cwd = mkdtempSync(join(tmpdir(), 'faultline-gamedays-docs-'));
    writeFileSync(join(cwd, 'gameday.yaml'), plan);
    await expect(loadPlan(join(cwd, 'gameday.yaml'))).resolves.toMatchObject({ title: 'Shop game day' });
    // the window is a day and hours of the week: this test runs whenever it runs
    const runnable = parse(
      plan.replaceAll('https://hooks.example.com/chaos', `${base}/chaos`).replace('https://hooks.slack.com', base),
    );
    delete runnable.window;
    writeFileSync(join(cwd, 'gameday.yaml'), stringify(runnable));
    for (const name of ['checkout-pod-loss', 'payments-latency', 'search-pod-loss', 'cache-restart'])
      writeFileSync(
        join(cwd, `${name}.yaml`),
        stringify({
          title: name,
          description: 'a step of the game day',
          configuration: { qty: 1, zone: 'none' },
          'steady-state-hypothesis': {
            title: 'up',
            probes: [
              {
                type: 'probe',
                name: 'up',
                tolerance: 200,
                provider: { type: 'http', url: `${base}/health?qty=\${qty}` },
              },
            ],
          },
          method: [{ type: 'probe', name: 'look', provider: { type: 'http', url: `${base}/zone/\${zone}` } }],
        }),
      );
    const result = await runShell('faultline gameday run gameday.yaml --out-dir gameday', {
      cwd,
      flags: [],
      timeoutMs: 90_000,
    });
    expect(result.code, result.stdout + result.stderr).toBe(0);
    const json = received.filter((r) => r.url === '/chaos').map((r) => r.body);
    expect(json.map((e) => e.event)).toEqual(['plan-started', ...Array(6).fill('step-finished'), 'plan-finished']);
    expect(received.filter((r) => r.url.startsWith('/services/')).every((r) => typeof r.body.text === 'string')).toBe(
      true,
    );
    // a step-finished event has the shape shown, keys in the order shown (`event` first)
    const documented = JSON.parse(event) as { step: Record<string, unknown> };
    const search = json.find((e) => e.step?.step === 'search (qty=2)')!;
    const keys = (o: object) => Object.keys(o);
    expect(keys(search)).toEqual(keys(documented));
    expect(keys(search.step)).toEqual(keys(documented.step));
    expect(search).toMatchObject({ plan: 'Shop game day', step: { vars: { qty: 2 } } });
    expect(search.step.journalPath).toMatch(/04-search_qty=2_\.json$/);
  }, 120_000);
});
