import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { fakeObjects, startFakeApiServer, type FakeApiServer } from '@faultline/kubernetes/testing';
import { ProxyServer } from '@faultline/proxy';
import { runShell } from './start-shell.js';
import { blocksOf, fencedBlocks, tally } from './fenced-blocks.js';
import { normalizeOutput } from './normalize-output.js';
import { validateDocumented, writeFiles } from './validate-documented.js';
import { nowhere, wrapFragment } from './wrap-fragment.js';

const blocks = fencedBlocks('docs/experiments.md');
const runs = blocksOf(blocks, 'runs');
const text = (first: string) => runs.find((b) => b.lang === 'text' && b.code.startsWith(first))!.code;
const dir = () => mkdtempSync(join(tmpdir(), 'faultline-experiments-docs-'));

/** The files and environment the fragments name (a team's modules, tokens). */
const files = {
  'probes.mjs': 'export function checkOrders({ minimum }) { return { count: minimum }; }\n',
  'deploys.mjs': 'export function noneRunning() { return true; }\n',
  'controls/tracer.mjs': 'export function beforeExperimentControl() {}\n',
  'team_checks.py':
    'def orders_backlog(queue, secrets=None):\n    return 0\n\n\ndef below(value, limit):\n    return value < limit\n',
  'team_controls/__init__.py': '',
  'team_controls/tracing.py': 'def before_experiment_control(context, service=None, **kwargs):\n    pass\n',
};
const env = { KUBE_TOKEN: 'k8s-token', API_TOKEN: 'api-token' };

/** A run of the CLI on an experiment written into a fresh folder; its journal. */
async function runExperiment(experiment: unknown, args = '', extraFiles: Record<string, string> = {}) {
  const cwd = dir();
  writeFiles(cwd, { 'experiment.yaml': stringify(experiment), ...extraFiles });
  const result = await runShell(`faultline run experiment.yaml ${args}`, { cwd, flags: [] });
  return { result, journal: JSON.parse(readFileSync(join(cwd, 'journal.json'), 'utf8')) as Record<string, any> };
}

describe('docs/experiments.md: every example runs as written', () => {
  let base = '';
  const service = createServer((req, res) => {
    if (req.url === '/slow') setTimeout(() => res.end('late'), 3_000).unref();
    else res.writeHead(200, { 'content-type': 'application/json' }).end('{"ok": true}');
  });
  let proxy: ProxyServer;
  beforeAll(async () => {
    await new Promise<void>((resolve) => service.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(service.address() as AddressInfo).port}`;
    proxy = await ProxyServer.start({ port: 0 });
  });
  afterAll(async () => {
    service.closeAllConnections();
    await new Promise((resolve) => service.close(resolve));
    await proxy.close();
  });

  it('has the blocks this test checks, each marked with its role', () => {
    expect(tally(blocks)).toEqual({ runs: 7, fragment: 11, synopsis: 0, illustrative: 1 });
    expect(runs.map((b) => b.lang)).toEqual(['text', 'text', 'text', 'ts', 'json', 'js', 'json']);
  });

  it('the program using core gets the loading hooks of its global controls, then the run hooks', async () => {
    const cwd = dir();
    writeFiles(cwd, {
      'experiment.yaml': stringify({
        title: 'from a program',
        method: [{ type: 'action', name: 'noop', provider: { type: 'process', path: 'true' } }],
      }),
      // the documented tracer, recording the hooks it sees
      'controls/tracer.mjs': [
        'const seen = (globalThis.__tracerSaw = []);',
        'export const beforeLoadingExperimentControl = ({ context }) => seen.push(`before loading ${context}`);',
        'export const afterLoadingExperimentControl = ({ context }) => seen.push(`after loading ${context.title}`);',
        'export const afterExperimentControl = ({ state }) => seen.push(`after experiment ${state.status}`);',
        '',
      ].join('\n'),
    });
    const file = join(cwd, 'program.ts');
    // as written, in the folder holding experiment.yaml and controls/
    writeFileSync(file, `${runs[3]!.code.replace('process.cwd()', JSON.stringify(cwd))}\nexport { journal };\n`);
    const { journal } = (await import(file)) as { journal: { status: string } };
    expect(journal.status).toBe('completed');
    expect((globalThis as { __tracerSaw?: string[] }).__tracerSaw).toEqual([
      'before loading experiment.yaml',
      'after loading from a program',
      'after experiment completed',
    ]);
  });

  for (const block of blocksOf(blocks, 'fragment'))
    it.concurrent(`the fragment at line ${block.line} validates inside an experiment, without a warning`, async () => {
      const result = await validateDocumented(block, { files, env });
      expect(`${result.stdout}${result.stderr}`.trim(), result.text).toBe('the experiment is valid');
    });

  describe('each fragment, wrapped, runs against a local service and the fake API server', () => {
    const seen: Array<{ method: string; url: string; auth?: string; body: string }> = [];
    let target = '';
    // answers every request with what the fragments' tolerances look for
    const answering = createServer((req, res) => {
      let body = '';
      req.on('data', (chunk) => (body += chunk));
      req.on('end', () => {
        seen.push({ method: req.method!, url: req.url!, auth: req.headers.authorization, body });
        res
          .writeHead(200, { 'content-type': 'application/json' })
          .end('{"items": [{"id": 2, "ok": false}], "count": 0}');
      });
    });
    let cluster: FakeApiServer;
    beforeAll(async () => {
      await new Promise<void>((resolve) => answering.listen(0, '127.0.0.1', resolve));
      target = `http://127.0.0.1:${(answering.address() as AddressInfo).port}`;
      cluster = await startFakeApiServer({
        objects: [fakeObjects.namespace('shop'), fakeObjects.deployment('orders', { namespace: 'shop', replicas: 2 })],
        reconcile: { podRecreateDelayMs: 100 },
      });
    });
    afterAll(async () => {
      await new Promise((resolve) => answering.close(resolve));
      await cluster.close();
    });

    for (const block of blocksOf(blocks, 'fragment'))
      it(`the fragment at line ${block.line}`, async () => {
        const before = seen.length;
        const cwd = dir();
        // the fragment's addresses (and the wrapper's) point at the local service
        const text = stringify(wrapFragment(block.code))
          .replaceAll(nowhere, target)
          .replaceAll('https://status.example.com', target);
        writeFiles(cwd, { ...files, 'experiment.yaml': text });
        // --dry pause: the documented pauses (30 s) are not waited; every activity runs
        const result = await runShell(
          'faultline run experiment.yaml --dry pause --var ns=shop --var token=docs-token',
          {
            cwd,
            env: { ...env, KUBECONFIG: cluster.writeKubeConfig() },
            flags: [],
            timeoutMs: 60_000,
          },
        );
        expect(result.code, result.stdout + result.stderr).toBe(0);
        const journal = JSON.parse(readFileSync(join(cwd, 'journal.json'), 'utf8'));
        expect(journal.status).toBe('completed');
        const failed = journal.run.filter((entry: { status: string }) => entry.status !== 'succeeded');
        expect(failed, JSON.stringify(failed)).toEqual([]);
        // The http provider sent what the fragment declares, and the secret reached its header.
        const sent = seen.slice(before);
        if (block.code.includes('"${base_url}/orders"'))
          expect(sent).toContainEqual(
            expect.objectContaining({
              method: 'POST',
              url: '/orders',
              auth: 'Bearer docs-token',
              body: '{"sku":"abc","qty":1}',
            }),
          );
        if (block.code.includes('"${base_url}/admin"'))
          expect(sent).toContainEqual(expect.objectContaining({ url: '/admin', auth: 'Bearer api-token' }));
      }, 60_000);

    it('two fragments send an http request with a secret, checked above', () => {
      const calling = blocksOf(blocks, 'fragment').filter((b) => /"\$\{base_url\}\/(orders|admin)"/.test(b.code));
      expect(calling).toHaveLength(2);
    });
  });

  it('an http timeout is journalled as shown', async () => {
    const { journal } = await runExperiment({
      title: 'slow orders',
      description: 'an http provider that times out',
      method: [{ type: 'probe', name: 'slow', provider: { type: 'http', url: `${base}/slow`, timeout: '500ms' } }],
    });
    expect(normalizeOutput((journal.run[0].exception as string[]).join('\n'))).toEqual(
      normalizeOutput(text('HttpAttemptError')),
    );
  });

  it('a function an official driver does not serve gets the nearest names', async () => {
    const cwd = dir();
    writeFileSync(
      join(cwd, 'a.yaml'),
      'title: a\ndescription: b\nmethod:\n  - {type: action, name: kill-one,\n    provider: {type: python, module: chaosk8s.pod.actions, func: terminate_pod}}\n',
    );
    const result = await runShell('faultline validate a.yaml', { cwd, flags: [] });
    expect(result.code).toBe(64);
    const actual = normalizeOutput(result.stdout + result.stderr).map((line) => line.replace('<dir>/a.yaml', 'a.yaml'));
    expect(actual.slice(0, 2)).toEqual(normalizeOutput(text('a.yaml:')));
  });

  it('a regex on a non-string value fails the tolerance with the reason shown', async () => {
    const { journal } = await runExperiment({
      title: 'regex on an object',
      description: 'the default target of an http probe is the whole response',
      'steady-state-hypothesis': {
        title: 'ok',
        probes: [
          {
            type: 'probe',
            name: 'ok',
            provider: { type: 'http', url: base },
            tolerance: { type: 'regex', pattern: 'ok' },
          },
        ],
      },
      method: [],
    });
    const documented = text('regex /ok/');
    const pattern = documented
      .split('...')
      .map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
      .join('.*');
    expect(journal.steady_states.before.probes[0].tolerance_reason).toMatch(new RegExp(`^${pattern}$`));
  });

  describe('the journal of a run that injects a fault', () => {
    let journal: Record<string, any>;
    beforeAll(async () => {
      // latency.yaml of docs/cli.md without its pause, with a continuous hypothesis (for `impact`)
      const latency = parse(fencedBlocks('docs/cli.md').find((b) => b.code.startsWith('# latency.yaml'))!.code);
      latency.configuration.toxiproxy_url = proxy.url;
      delete latency.method[1].pauses;
      latency['steady-state-hypothesis'] = {
        title: 'the proxy API answers',
        probes: [
          { type: 'probe', name: 'api', provider: { type: 'http', url: `${proxy.url}/version` }, tolerance: 200 },
        ],
      };
      ({ journal } = await runExperiment(latency, '--hypothesis-strategy continuously --hypothesis-frequency 0.2'));
      expect(journal.status).toBe('completed');
    }, 60_000);

    it('keeps each revert as shown', () => {
      const documented = JSON.parse(runs[4]!.code) as Record<string, unknown>;
      const actual = (journal.faultline.reverts as Array<Record<string, unknown>>).find(
        (r) => r.title === documented.title,
      )!;
      expect(Object.keys(actual)).toEqual(Object.keys(documented));
      const { registered: _r, reverted: _d, ...stable } = documented;
      expect(actual).toMatchObject(stable);
    });

    it('has the keys shown, in that order', () => {
      const documented = runs[6]!.code;
      expect(Object.keys(journal)).toEqual([...documented.matchAll(/^ {2}"([\w-]+)":/gm)].map((m) => m[1]));
      const faultlineLine = documented.split('\n').find((line) => line.startsWith('  "faultline"'))!;
      const faultlineKeys = [...faultlineLine.slice(faultlineLine.indexOf('{')).matchAll(/"(\w+)":/g)].map((m) => m[1]);
      expect(Object.keys(journal.faultline)).toEqual(expect.arrayContaining(faultlineKeys));
      expect(journal['chaoslib-version']).toBe(/"chaoslib-version": "([^"]+)"/.exec(documented)![1]);
    });
  });

  it('the registerRevert example undoes its fault at the end of the run', async () => {
    // the fault the example elides ("... inject the fault"), made beforehand on a proxy of its own
    const own = await ProxyServer.start({ port: 0 });
    try {
      const post = (path: string, body: unknown) =>
        fetch(`${own.url}${path}`, { method: 'POST', body: JSON.stringify(body) });
      await post('/proxies', { name: 'orders', listen: '127.0.0.1:0', upstream: '127.0.0.1:9' });
      await post('/proxies/orders/toxics', { name: 'slow', type: 'latency', attributes: { latency: 100 } });
      const { result, journal } = await runExperiment(
        {
          title: 'slow orders',
          description: 'a JavaScript action registers its revert',
          configuration: { toxiproxy_url: own.url },
          method: [
            {
              type: 'action',
              name: 'slow-down',
              provider: { type: 'javascript', module: './slow.mjs', func: 'slowDownOrders' },
            },
          ],
        },
        '',
        { 'slow.mjs': runs[5]!.code },
      );
      expect(result.code, result.stderr).toBe(0);
      expect(journal.faultline.reverts).toMatchObject([{ func: 'delete_toxic', status: 'reverted' }]);
      const listed = (await (await fetch(`${own.url}/proxies/orders/toxics`)).json()) as unknown[];
      expect(listed).toEqual([]);
    } finally {
      await own.close();
    }
  });
});
