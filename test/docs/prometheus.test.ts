import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { findSystemBinary } from '@faultline/core/testing';
import { loadSloFile, PrometheusClient, sampleValues } from '@faultline/prometheus';
import { freePort, startPrometheus, startTestService, type RunningPrometheus } from '@faultline/prometheus/testing';
import { until } from '../../packages/cli/src/__tests__/cli-harness.js';
import { replayTranscript } from './replay-transcript.js';
import { runShell } from './start-shell.js';
import { blocksOf, fencedBlocks, tally } from './fenced-blocks.js';
import { blockSynopsisProblems } from './synopsis-problems.js';
import { validateDocumented } from './validate-documented.js';
import { wrapFragment } from './wrap-fragment.js';

const blocks = fencedBlocks('docs/prometheus.md');
const runs = blocksOf(blocks, 'runs');
const sloYaml = runs.find((b) => b.code.startsWith('# slo.yaml'))!.code;
const binary = findSystemBinary('prometheus');
const pushgatewayBinary = findSystemBinary('prometheus-pushgateway');
const control = (name: string) => blocksOf(blocks, 'fragment').find((b) => b.code.includes(`- name: ${name}`))!;

/** `faultline run` of a wrapped fragment in a folder of its own; its output and journal. */
async function runFragment(code: string, env: Record<string, string> = {}) {
  const cwd = mkdtempSync(join(tmpdir(), 'faultline-prometheus-control-'));
  writeFileSync(join(cwd, 'experiment.yaml'), stringify(wrapFragment(code)));
  const result = await runShell('faultline run experiment.yaml', { cwd, env, flags: [] });
  return { ...result, journal: JSON.parse(readFileSync(join(cwd, 'journal.json'), 'utf8')) as Record<string, any> };
}

describe('docs/prometheus.md: every example runs as written', () => {
  it('has the blocks this test checks, each marked with its role', () => {
    expect(tally(blocks)).toEqual({ runs: 3, fragment: 5, synopsis: 1, illustrative: 1 });
    expect(runs.map((b) => b.lang)).toEqual(['yaml', 'text', 'ts']);
  });

  it('the synopsis and the CI script name commands and options that exist', () => {
    const lines = [...blocksOf(blocks, 'synopsis'), ...blocksOf(blocks, 'illustrative')].map((b) =>
      b.code.replace(/^\s*- /gm, ''),
    );
    expect(lines.flatMap(blockSynopsisProblems)).toEqual([]);
    expect(parse(blocksOf(blocks, 'illustrative')[0]!.code)).toHaveProperty('script');
  });

  for (const block of blocksOf(blocks, 'fragment'))
    it(`the fragment at line ${block.line} is valid`, async () => {
      if (block.code.startsWith('name:')) {
        // an SLO rule: the entry of an SLO file's `slos`
        expect(loadSloFile(stringify({ slos: [parse(block.code)] }), 'slo.yaml').slos).toHaveLength(1);
        return;
      }
      const result = await validateDocumented(block, { env: { PROMETHEUS_TOKEN: 'token', GRAFANA_TOKEN: 'token' } });
      expect(`${result.stdout}${result.stderr}`.trim(), result.text).toBe('the experiment is valid');
    });

  it('the programmatic use serves run metrics while an experiment runs', async () => {
    const hits: string[] = [];
    const service = createServer((req, res) => res.end(String(hits.push(req.url!))));
    await new Promise<void>((resolve) => service.listen(0, '127.0.0.1', resolve));
    try {
      const dir = mkdtempSync(join(tmpdir(), 'faultline-prometheus-docs-'));
      const file = join(dir, 'example.ts');
      // as written, on free ports (tests share the machine)
      const port = (service.address() as AddressInfo).port;
      writeFileSync(file, runs[2]!.code.replace('9464', '0').replace('127.0.0.1:8080', `127.0.0.1:${port}`));
      await import(file);
      expect(hits).toEqual(['/health']);
    } finally {
      await new Promise((resolve) => service.close(resolve));
    }
  });

  describe.skipIf(!binary)('`faultline verify` with slo.yaml against a real Prometheus', () => {
    /** The checkout service with this profile, scraped by its own Prometheus: each test has its own history. */
    const startCheckout = async (profile: { rps: number; errorRatio: number; latencySeconds: number }) => {
      const service = await startTestService(profile);
      const prometheus = await startPrometheus({
        binary: binary!,
        targets: [service.target],
        labels: { app: 'checkout' },
      });
      const client = new PrometheusClient({ baseUrl: prometheus.url });
      const scrapes = async () =>
        sampleValues(await client.query('count_over_time(test_gauge[10m])')).flatMap((s) => s.values)[0] ?? 0;
      const stop = async () => {
        await prometheus.stop();
        await service.stop();
      };
      try {
        await until(async () => (await scrapes()) >= 2, 40_000);
      } catch (error) {
        await stop();
        throw error;
      }
      return { prometheus, scrapes, stop };
    };
    let prometheus: RunningPrometheus;
    let stopHealthy: (() => Promise<void>) | undefined;
    beforeAll(async () => {
      // checkout, healthy: 0.2% errors, 40 ms requests
      const healthy = await startCheckout({ rps: 50, errorRatio: 0.002, latencySeconds: 0.04 });
      prometheus = healthy.prometheus;
      stopHealthy = healthy.stop;
    }, 60_000);
    afterAll(async () => {
      await stopHealthy?.();
    });

    it('the steady-state hypothesis holds for a healthy checkout, measured in Prometheus', async () => {
      const hypothesis = blocksOf(blocks, 'fragment').find((b) => b.code.startsWith('steady-state-hypothesis'))!;
      const experiment = {
        ...wrapFragment(hypothesis.code),
        configuration: { prometheus_base_url: prometheus.url },
        // a few seconds of run for the `slo` probe's window
        method: [{ type: 'probe', name: 'wait', provider: { type: 'process', path: 'sleep', arguments: '3' } }],
      };
      const cwd = mkdtempSync(join(tmpdir(), 'faultline-prometheus-hypothesis-'));
      writeFileSync(join(cwd, 'experiment.yaml'), stringify(experiment));
      const result = await runShell('faultline run experiment.yaml', { cwd, flags: [] });
      expect(result.code, result.stdout + result.stderr).toBe(0);
      const journal = JSON.parse(readFileSync(join(cwd, 'journal.json'), 'utf8'));
      expect([journal.status, journal.deviated]).toEqual(['completed', false]);
      const [errorRatio, p99] = journal.steady_states.after.probes;
      expect(errorRatio.output).toBeCloseTo(0.002, 3);
      expect(p99).toMatchObject({ status: 'succeeded', tolerance_met: true });
      // after the method the SLO was measured (not passed for want of data): p99 of 40 ms requests
      const slo = readFileSync(join(cwd, 'faultline.log'), 'utf8')
        .split('\n')
        .filter((line) => line.includes('] SLO '));
      expect(slo.at(-1)).toMatch(/SLO .*: met \{"measured":0\.0\d+/);
    }, 60_000);

    it('prints the report shown and exits 1', async () => {
      // 20% errors: the error ratio is violated, the latency objective met
      const failing = await startCheckout({ rps: 50, errorRatio: 0.2, latencySeconds: 0.04 });
      try {
        // a run of a few seconds writes chaos-reports/journal.json, as in the CI script
        const cwd = mkdtempSync(join(tmpdir(), 'faultline-verify-docs-'));
        writeFileSync(
          join(cwd, 'slo.yaml'),
          sloYaml.replace('http://prometheus.monitoring:9090', failing.prometheus.url),
        );
        writeFileSync(
          join(cwd, 'experiment.yaml'),
          stringify({
            title: 'a few seconds',
            description: 'a pause',
            method: [{ type: 'probe', name: 'wait', provider: { type: 'process', path: 'sleep', arguments: '3' } }],
          }),
        );
        const run = await runShell('faultline run experiment.yaml --journal-path chaos-reports/journal.json', { cwd });
        expect(run.code, run.stderr).toBe(0);
        const before = await failing.scrapes();
        await expect.poll(failing.scrapes, { timeout: 40_000, interval: 250 }).toBeGreaterThan(before);
        const [step] = await replayTranscript(runs[1]!.code, { cwd });
        const measured = (lines: string[]) =>
          lines.map((l) =>
            l
              .replace(/measured [\d.]+/, 'measured <value>')
              .replace('http://127.0.0.1:<port>', 'http://prometheus.monitoring:9090'),
          );
        expect(measured(step!.actual)).toEqual(measured(step!.documented));
        expect(step!.code).toBe(1);
      } finally {
        await failing.stop();
      }
    }, 120_000);
  });

  describe.skipIf(!pushgatewayBinary)('the Pushgateway control against a real Pushgateway', () => {
    it('pushes the run metrics under job chaostoolkit', async () => {
      const port = await freePort();
      const gateway = spawn(pushgatewayBinary!, [`--web.listen-address=127.0.0.1:${port}`, '--log.level=warn'], {
        stdio: 'ignore',
      });
      const exited = new Promise((resolve) => gateway.once('exit', resolve));
      try {
        const url = `http://127.0.0.1:${port}`;
        await until(
          () =>
            fetch(`${url}/-/ready`).then(
              (r) => r.ok,
              () => false,
            ),
          20_000,
        );
        const { code, stderr } = await runFragment(control('prometheus').code.replace('http://pushgateway:9091', url));
        expect(code, stderr).toBe(0);
        const metrics = await (await fetch(`${url}/metrics`)).text();
        expect(metrics).toMatch(
          /chaostoolkit_experiment_status\{[^}]*chaostoolkit_experiment_status="completed"[^}]*job="chaostoolkit"[^}]*\} 1/,
        );
        expect(metrics).toMatch(/chaostoolkit_inprogress_experiment\{[^}]*\} 0/);
      } finally {
        gateway.kill('SIGTERM');
        await exited;
      }
    }, 60_000);
  });

  it('the Grafana control posts a region annotation with the token, then updates it with the outcome', async () => {
    const requests: Array<{ method: string; url: string; auth?: string; body: Record<string, any> }> = [];
    const grafana = createServer((req, res) => {
      let body = '';
      req.on('data', (chunk) => (body += chunk));
      req.on('end', () => {
        requests.push({
          method: req.method!,
          url: req.url!,
          auth: req.headers.authorization,
          body: JSON.parse(body || '{}'),
        });
        res.writeHead(200, { 'content-type': 'application/json' }).end('{"id": 7, "message": "Annotation added"}');
      });
    });
    await new Promise<void>((resolve) => grafana.listen(0, '127.0.0.1', resolve));
    try {
      const url = `http://127.0.0.1:${(grafana.address() as AddressInfo).port}`;
      const { code, stderr } = await runFragment(control('grafana').code.replace('https://grafana.example.com', url), {
        GRAFANA_TOKEN: 'grafana-token',
      });
      expect(code, stderr).toBe(0);
      expect(requests.map((r) => `${r.method} ${r.url} ${r.auth}`)).toEqual([
        'POST /api/annotations Bearer grafana-token',
        'PATCH /api/annotations/7 Bearer grafana-token',
      ]);
      expect(requests[0]!.body).toMatchObject({
        dashboardUID: 'faultline-chaos',
        panelId: 2,
        tags: expect.arrayContaining(['chaos', 'checkout']),
      });
      expect(requests[1]!.body.tags).toEqual(expect.arrayContaining(['status:completed']));
    } finally {
      await new Promise((resolve) => grafana.close(resolve));
    }
  });
});
