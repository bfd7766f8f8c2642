import { mkdtempSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { findSystemBinary } from '@faultline/core/testing';
import { loadSloFile, PrometheusClient, sampleValues } from '@faultline/prometheus';
import {
  startPrometheus,
  startTestService,
  type RunningPrometheus,
  type TestService,
} from '@faultline/prometheus/testing';
import { replayTranscript, runShell } from './doc-shell.js';
import { blocksOf, fencedBlocks, tally } from './fenced-blocks.js';
import { blockSynopsisProblems } from './synopsis-problems.js';
import { validateDocumented } from './validate-documented.js';

const blocks = fencedBlocks('docs/prometheus.md');
const runs = blocksOf(blocks, 'runs');
const sloYaml = runs.find((b) => b.code.startsWith('# slo.yaml'))!.code;
const binary = findSystemBinary('prometheus');

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
    let prometheus: RunningPrometheus;
    let service: TestService;
    beforeAll(async () => {
      // 20% errors and 40 ms requests: the error ratio is violated, the latency objective met
      service = await startTestService({ rps: 50, errorRatio: 0.2, latencySeconds: 0.04 });
      prometheus = await startPrometheus({ binary: binary!, targets: [service.target] });
    }, 60_000);
    afterAll(async () => {
      await prometheus?.stop();
      await service?.stop();
    });

    it('prints the report shown and exits 1', async () => {
      const client = new PrometheusClient({ baseUrl: prometheus.url });
      const scrapes = async () =>
        sampleValues(await client.query('count_over_time(test_gauge[10m])')).flatMap((s) => s.values)[0] ?? 0;
      await expect.poll(scrapes, { timeout: 40_000, interval: 250 }).toBeGreaterThanOrEqual(2);
      // a run of a few seconds writes chaos-reports/journal.json, as in the CI script
      const cwd = mkdtempSync(join(tmpdir(), 'faultline-verify-docs-'));
      writeFileSync(join(cwd, 'slo.yaml'), sloYaml.replace('http://prometheus.monitoring:9090', prometheus.url));
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
      const before = await scrapes();
      await expect.poll(scrapes, { timeout: 40_000, interval: 250 }).toBeGreaterThan(before);
      const [step] = await replayTranscript(runs[1]!.code, { cwd });
      const measured = (lines: string[]) =>
        lines.map((l) =>
          l
            .replace(/measured [\d.]+/, 'measured <value>')
            .replace('http://127.0.0.1:<port>', 'http://prometheus.monitoring:9090'),
        );
      expect(measured(step!.actual)).toEqual(measured(step!.documented));
      expect(step!.code).toBe(1);
    }, 120_000);
  });
});
