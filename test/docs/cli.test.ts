import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ProxyServer } from '@faultline/proxy';
import { replayTranscript } from './replay-transcript.js';
import { startShell, runShell } from './start-shell.js';
import { blocksOf, fencedBlocks, repoRoot, tally, type FencedBlock } from './fenced-blocks.js';
import { normalizeOutput } from './normalize-output.js';
import { blockSynopsisProblems, everyOption } from './synopsis-problems.js';

const blocks = fencedBlocks('docs/cli.md');
const outputs = blocksOf(blocks, 'runs', 'text');
/** The documented output that starts with `first` (each is claimed by exactly one test below). */
const output = (first: string): FencedBlock => {
  const found = outputs.filter((block) => block.code.startsWith(first));
  expect(found, first).toHaveLength(1);
  return found[0]!;
};
const yamlBlock = (name: string): string =>
  blocksOf(blocks, 'runs', 'yaml').find((b) => b.code.startsWith(`# ${name}`))!.code;
const dir = (prefix: string) => mkdtempSync(join(tmpdir(), `faultline-cli-docs-${prefix}-`));

describe('docs/cli.md: every example runs as written', () => {
  it('has the blocks this test checks, each marked with its role', () => {
    expect(tally(blocks)).toEqual({ runs: 11, fragment: 0, synopsis: 13, illustrative: 0 });
    expect(
      blocksOf(blocks, 'runs')
        .map((b) => b.lang)
        .sort(),
    ).toEqual(['bash', ...Array(8).fill('text'), 'yaml', 'yaml']);
    // the outputs below, one each
    for (const first of [
      'Experiment:',
      '[',
      '$ faultline validate',
      '@faultline/proxy',
      '$ faultline info',
      '$ faultline revert',
      '$ faultline status',
      '$ faultline stop',
    ])
      output(first);
  });

  it('every command and option of the synopses and examples exists', () => {
    const problems = blocks
      .filter((b) => b.role === 'synopsis' || b.lang === 'bash')
      .flatMap((b) => blockSynopsisProblems(b.code).map((p) => `line ${b.line}: ${p}`));
    expect(problems).toEqual([]);
  });

  it('every option of every command is named in cli.md or the page it links for the command', () => {
    const pages = ['cli', 'proxy', 'prometheus', 'kubernetes', 'schedules', 'gamedays', 'dashboard', 'report', 'store'];
    const docs = pages.map((page) => readFileSync(`${repoRoot}docs/${page}.md`, 'utf8')).join('\n');
    const named = (option: string) => new RegExp(`${option.split(' ').at(-1)}(?![\\w-])`).test(docs);
    expect(everyOption().filter((option) => !named(option))).toEqual([]);
  });

  describe('the `faultline run` examples, against a local service and a local experiment server', () => {
    const hits: string[] = [];
    let base = '';
    const service = createServer((req, res) => {
      hits.push(`${req.method} ${req.url}`);
      if (req.url === '/raw/chaos/orders.yaml') res.end(experiment(`${base}`));
      else res.writeHead(200).end('{}');
    });
    const experiment = (url: string) => `
title: orders answer
configuration:
  base_url: ${url}
  replicas: 1
steady-state-hypothesis:
  title: orders answer
  probes:
    - {type: probe, name: orders-respond, tolerance: 200, provider: {type: http, url: "\${base_url}/health"}}
method:
  - type: action
    name: scale-orders
    provider: {type: http, method: POST, url: "\${base_url}/scale?replicas=\${replicas}"}
`;
    beforeAll(() => new Promise<void>((resolve) => service.listen(0, '127.0.0.1', resolve)));
    afterAll(() => new Promise((resolve) => service.close(resolve)));

    it('run as written (the URL pointed at the local server)', async () => {
      base = `http://127.0.0.1:${(service.address() as AddressInfo).port}`;
      const cwd = dir('run');
      writeFileSync(
        join(cwd, 'experiment.yaml'),
        experiment('${orders_url}').replace('base_url: ${orders_url}', 'base_url: {type: env, key: ORDERS_URL}'),
      );
      writeFileSync(join(cwd, 'pod-failure.yaml'), experiment(base));
      writeFileSync(join(cwd, 'staging.env'), `ORDERS_URL=${base}\n`);
      const [block] = blocksOf(blocks, 'runs', 'bash');
      const code = block!.code.replaceAll('https://git.example.com', base);
      const result = await runShell(code, { cwd, env: { ORDERS_URL: base }, timeoutMs: 60_000 });
      expect(result.code, result.stderr).toBe(0);
      // --dry=actions hit nothing; the others scaled (1, 1, 3 from --var, 1 remote, and chaos's 1)
      expect(hits.filter((h) => h.startsWith('POST')).sort()).toEqual([
        'POST /scale?replicas=1',
        'POST /scale?replicas=1',
        'POST /scale?replicas=1',
        'POST /scale?replicas=1',
        'POST /scale?replicas=3',
      ]);
      expect(JSON.parse(readFileSync(join(cwd, 'results.json'), 'utf8'))).toMatchObject({ status: 'completed' });
    }, 90_000);
  });

  it('`faultline validate bad.yaml` prints what the doc shows', async () => {
    const cwd = dir('validate');
    writeFileSync(join(cwd, 'bad.yaml'), yamlBlock('bad.yaml'));
    const [step] = await replayTranscript(output('$ faultline validate').code, { cwd });
    expect(step!.code).toBe(64);
    expect(step!.actual).toEqual(step!.documented);
  });

  it('`faultline discover` lists the arguments the doc shows', async () => {
    const result = await runShell('faultline discover @faultline/proxy', { cwd: dir('discover') });
    const actual = result.stdout.split('\n');
    let at = 0;
    for (const line of output('@faultline/proxy').code.split('\n')) {
      const found = actual.indexOf(line, at);
      expect(found, `${line} (in order)`).toBeGreaterThanOrEqual(0);
      at = found + 1;
    }
  });

  it('`faultline info` prints what the doc shows (the interpreter found on this machine aside)', async () => {
    const steps = await replayTranscript(output('$ faultline info').code, { cwd: dir('info') });
    for (const step of steps) {
      const withoutNode = (lines: string[]) => lines.map((l) => l.replace(/^node v[\d.]+ \(/, 'node <version> ('));
      expect(withoutNode(step.actual), step.command).toEqual(withoutNode(step.documented));
    }
  });

  describe('latency.yaml against a fault proxy: progress, log file, status, stop and revert', () => {
    const proxies: ProxyServer[] = [];
    afterAll(() => Promise.all(proxies.map((p) => p.close())));

    /** latency.yaml as written, against a proxy of its own; waits until the run pauses with both faults. */
    async function pausedRun(name: string) {
      const proxy = await ProxyServer.start({ port: 0 });
      proxies.push(proxy);
      const cwd = dir(name);
      writeFileSync(join(cwd, 'latency.yaml'), yamlBlock('latency.yaml').replace('http://127.0.0.1:8474', proxy.url));
      const run = startShell('exec faultline run latency.yaml', { cwd, flags: [] });
      await expect.poll(run.output, { timeout: 20_000 }).toMatch(/pausing after add-latency/);
      const toxics = async () => {
        const listed = (await (await fetch(`${proxy.url}/proxies`)).json()) as Record<string, { toxics: unknown[] }>;
        return listed['orders']?.toxics.length ?? 'no proxy';
      };
      expect(await toxics()).toBe(1);
      return { cwd, run, toxics };
    }

    it('Ctrl-C: the progress output and the log file are the documented ones, every fault reverted', async () => {
      const { cwd, run, toxics } = await pausedRun('progress');
      process.kill(run.pid, 'SIGINT');
      const result = await run.done;
      expect(result.code).toBe(4);
      expect(normalizeOutput(result.stdout)).toEqual(normalizeOutput(output('Experiment:').code));
      expect(normalizeOutput(readFileSync(join(cwd, 'faultline.log'), 'utf8'))).toEqual(
        normalizeOutput(output('[').code),
      );
      expect(await toxics()).toBe('no proxy');
    }, 60_000);

    it('`faultline status` and `faultline stop` print what the doc shows', async () => {
      const { cwd, run, toxics } = await pausedRun('stop');
      const [status] = await replayTranscript(output('$ faultline status').code, { cwd });
      expect(status!.actual).toEqual(status!.documented);
      const [stop] = await replayTranscript(output('$ faultline stop').code, { cwd });
      expect(stop!.actual).toEqual(stop!.documented);
      expect([stop!.code, (await run.done).code]).toEqual([0, 4]);
      expect(await toxics()).toBe('no proxy');
    }, 60_000);

    it('after kill -9, `faultline revert` prints what the doc shows and removes the faults', async () => {
      const { cwd, run, toxics } = await pausedRun('revert');
      process.kill(run.pid, 'SIGKILL');
      await run.done;
      expect(await toxics()).toBe(1);
      const steps = await replayTranscript(output('$ faultline revert').code, { cwd });
      for (const step of steps) {
        expect(step.code, step.command).toBe(0);
        expect(step.actual, step.command).toEqual(step.documented);
      }
      expect(await toxics()).toBe('no proxy');
    }, 60_000);
  });
});
