import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Command } from 'commander';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findSystemBinary } from '@faultline/core/testing';
import { PrometheusClient, sampleValues } from '@faultline/prometheus';
import {
  startPrometheus,
  startTestService,
  type RunningPrometheus,
  type TestService,
} from '@faultline/prometheus/testing';
import type { CliIo } from '../cli-io.js';
import { registerVerifyCommand } from './verify.js';

const binary = findSystemBinary('prometheus');

async function runVerify(args: string[], cwd: string, env: Record<string, string> = {}) {
  let stdout = '';
  let stderr = '';
  let exitCode = 0;
  const io: CliIo = {
    stdout: {
      write: (chunk: string) => {
        stdout += chunk;
      },
    },
    stderr: {
      write: (chunk: string) => {
        stderr += chunk;
      },
    },
    env,
    cwd,
    setExitCode: (code) => {
      exitCode = code;
    },
    onSignal: () => () => {},
  };
  const program = new Command().exitOverride().configureOutput({
    writeOut: (s) => {
      stdout += s;
    },
    writeErr: (s) => {
      stderr += s;
    },
  });
  registerVerifyCommand(program, io);
  try {
    await program.parseAsync(['verify', ...args], { from: 'user' });
  } catch (error) {
    return { stdout, stderr, exitCode, error: error as Error & { code?: string; exitCode?: number } };
  }
  return { stdout, stderr, exitCode, error: undefined };
}

describe.skipIf(!binary)('faultline verify against a real Prometheus', () => {
  let prometheus: RunningPrometheus;
  let service: TestService;
  let dir: string;
  let healthy: { start: string; end: string };
  let degraded: { start: string; end: string };

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'faultline-verify-'));
    service = await startTestService({ rps: 50, errorRatio: 0.002, latencySeconds: 0.04 });
    prometheus = await startPrometheus({ binary: binary!, targets: [service.target] });
    const client = new PrometheusClient({ baseUrl: prometheus.url });
    const samples = async () =>
      sampleValues(await client.query('count_over_time(test_gauge[10m])')).flatMap((s) => s.values)[0] ?? 0;
    const waitFor = async (n: number) => {
      const deadline = Date.now() + 40_000;
      while ((await samples()) < n) {
        if (Date.now() > deadline) throw new Error('Prometheus did not scrape in time');
        await new Promise((r) => setTimeout(r, 250));
      }
    };
    await waitFor(1);
    const a = new Date().toISOString();
    await waitFor(5);
    const b = new Date().toISOString();
    service.setProfile({ rps: 50, errorRatio: 0.3, latencySeconds: 0.8 });
    const count = await samples();
    await waitFor(count + 5);
    healthy = { start: a, end: b };
    degraded = { start: b, end: new Date().toISOString() };
    await writeFile(
      join(dir, 'slo.yaml'),
      [
        'slos:',
        '  - name: error-ratio',
        '    indicator: sum(rate(http_requests_total{code="500"}[$window])) / sum(rate(http_requests_total[$window]))',
        '    objective: "< 1%"',
        '  - name: p99-latency',
        '    indicator: histogram_quantile(0.99, sum by (le) (rate(http_request_duration_seconds_bucket[$window])))',
        '    objective: "< 300ms"',
        '',
      ].join('\n'),
    );
    const journal = (window: { start: string; end: string }) =>
      JSON.stringify({
        'chaoslib-version': '1.42.0',
        experiment: { title: 'verify test', configuration: { prometheus_base_url: prometheus.url } },
        start: window.start,
        end: window.end,
        status: 'completed',
        deviated: false,
      });
    await writeFile(join(dir, 'healthy.json'), journal(healthy));
    await writeFile(join(dir, 'degraded.json'), journal(degraded));
  }, 90_000);

  afterAll(async () => {
    await prometheus?.stop();
    await service?.stop();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('exits 0 when every SLO held over the run', async () => {
    const result = await runVerify(['healthy.json', '--slo', 'slo.yaml'], dir);
    expect(result.error).toBeUndefined();
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toMatch(/PASS\s+error-ratio\s+measured 0\.00\d+\s+objective < 1%/);
    expect(result.stdout).toMatch(/PASS\s+p99-latency\s+measured 0\.04\d*\s+objective < 300ms/);
    expect(result.stdout).toContain('all 2 SLO(s) met');
  });

  it('exits 1 on a violation, printing each rule, its measured value and objective', async () => {
    const result = await runVerify(['degraded.json', '--slo', 'slo.yaml', '--prometheus-url', prometheus.url], dir);
    expect(result.error).toBeUndefined();
    expect(result.exitCode).toBe(1);
    const ratio = Number(result.stdout.match(/FAIL\s+error-ratio\s+measured ([\d.]+)\s+objective < 1%/)?.[1]);
    expect(ratio).toBeGreaterThan(0.2);
    expect(ratio).toBeLessThan(0.4);
    const latency = Number(result.stdout.match(/FAIL\s+p99-latency\s+measured ([\d.]+)\s+objective < 300ms/)?.[1]);
    expect(latency).toBeGreaterThan(0.5);
    expect(result.stdout).toContain('2 of 2 SLO(s) violated');
  });

  it('catches the violation once the margin reaches into the degraded period', async () => {
    const result = await runVerify(['healthy.json', '--slo', 'slo.yaml', '--margin-after', '1m', '--json'], dir);
    expect(result.exitCode).toBe(1);
    const report = JSON.parse(result.stdout) as { violated: number; results: Array<{ status: string }> };
    expect(report.violated).toBe(2);
  });

  it('exits 2 when a rule has no data', async () => {
    await writeFile(
      join(dir, 'nodata.yaml'),
      'slos:\n  - name: ghost\n    indicator: does_not_exist\n    objective: "< 1"\n',
    );
    const result = await runVerify(['healthy.json', '--slo', 'nodata.yaml'], dir);
    expect(result.exitCode).toBe(2);
    expect(result.stdout).toMatch(/NO DATA\s+ghost\s+measured no data/);
  });

  it('rejects an invalid SLO file with every problem listed', async () => {
    await writeFile(join(dir, 'bad.yaml'), 'slos:\n  - name: x\n');
    const result = await runVerify(['healthy.json', '--slo', 'bad.yaml'], dir);
    expect(result.error).toMatchObject({ code: 'E_SLO_FILE', exitCode: 64 });
    expect(result.error!.message).toContain('indicator');
    expect(result.error!.message).toContain('objective');
  });

  it('fails with a usage error for a missing journal', async () => {
    const result = await runVerify(['missing.json', '--slo', 'slo.yaml'], dir);
    expect(result.error).toMatchObject({ exitCode: 64 });
  });
});
