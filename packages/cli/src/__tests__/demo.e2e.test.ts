import { spawn } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { findProcesses } from '../../../core/src/builtin/find-processes.js';
import { cliPath, runCli, tempDir } from './cli-harness.js';
import { noopExperiment, recordedRun, recordingControlSettings } from './recording-control.js';

const experiments = ['replica-killed', 'payment-latency', 'payment-errors', 'inventory-exceptions', 'multi-failure'];

function startedPids(out: string): number[] {
  return ['naive', 'resilient']
    .map((mode) => join(out, mode, 'run', 'started.pids'))
    .filter((file) => existsSync(file))
    .flatMap((file) => readFileSync(file, 'utf8').split('\n').filter(Boolean).map(Number));
}

const isAlive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

/** Whether something still accepts connections on 127.0.0.1:port. */
const listening = (port: number) =>
  new Promise<boolean>((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => resolve(true)).once('error', () => resolve(false));
    socket.setTimeout(1000, () => resolve(false));
  }).finally(() => undefined);

async function expectNothingLeft(out: string, text: string): Promise<void> {
  const pids = startedPids(out);
  expect(pids.length).toBeGreaterThanOrEqual(5);
  expect(pids.filter(isAlive)).toEqual([]);
  const ports = [...new Set([...text.matchAll(/127\.0\.0\.1:(\d+)/g)].map((m) => Number(m[1])))];
  expect(ports.length).toBeGreaterThan(0);
  const open: string[] = [];
  for (const port of ports) {
    if (!(await listening(port))) continue;
    // The OS may have handed a freed port to someone else's process on this shared machine: only a
    // port held by one of ours (a shop service or a faultline CLI) is left behind.
    for (const pid of await findProcesses({ port })) {
      const cmdline = readFileSync(`/proc/${pid}/cmdline`, 'utf8').replaceAll('\0', ' ');
      if (/shop-service|faultline/.test(cmdline)) open.push(`${port} (pid ${pid}: ${cmdline})`);
    }
  }
  expect(open, `still listening after the demo: ${open.join(', ')}`).toEqual([]);
}

describe('faultline demo (the README quick start)', () => {
  it('finds the weakness in the naive shop and proves the resilient one holds (--ci)', async () => {
    const dir = tempDir();
    const result = await runCli(['demo', '--ci', '--out', 'out'], { cwd: dir, timeoutMs: 150_000 });
    expect(result.stderr).toBe('');
    expect(result.code, result.stdout).toBe(0);
    expect(result.stdout).not.toMatch(/did not show what it should/);
    const out = join(dir, 'out');
    for (const name of experiments) {
      const naive = JSON.parse(readFileSync(join(out, 'naive', `${name}.json`), 'utf8'));
      const resilient = JSON.parse(readFileSync(join(out, 'resilient', `${name}.json`), 'utf8'));
      // --fail-fast: the first broken sample while faulted ends the run.
      const broken = naive.steady_states.during.some((s: { steady_state_met: boolean }) => !s.steady_state_met);
      expect(broken, `naive ${name}`).toBe(name !== 'replica-killed');
      expect([resilient.status, resilient.deviated], `resilient ${name}`).toEqual(['completed', false]);
      for (const journal of [naive, resilient]) {
        expect(journal.faultline.reverts.every((r: { status: string }) => r.status === 'reverted')).toBe(true);
        expect(JSON.stringify(journal)).not.toMatch(/[0-9a-f]{32}/); // proxy and actuator tokens stay out
      }
      for (const mode of ['naive', 'resilient'])
        expect(readFileSync(join(out, mode, `${name}.html`), 'utf8')).toMatch(/^<!doctype html>/i);
    }
    expect(result.stdout).toMatch(/orders-1 \(pid \d+\) exited \(SIGKILL\): restarting it/);
    expect(result.stdout).toMatch(/finding #\d+ opened: .*Payment answers 2 s late/);
    expect(result.stdout).toMatch(/finding #\d+ fixed: [\s\S]*finding #\d+ verified: the same experiment holds/);
    expect(result.stdout).toMatch(/Payment answers 2 s late: naive deviated, resilient held/);
    expect(result.stdout).toContain(join(out, 'resilient', 'multi-failure.html'));
    await expectNothingLeft(out, result.stdout + readFileSync(join(out, 'naive', 'multi-failure.json'), 'utf8'));
  }, 180_000);

  it('on Ctrl-C reverts the running experiment, stops every shop process and exits 4', async () => {
    const dir = tempDir();
    const child = spawn(process.execPath, [cliPath, 'demo', '--out', 'out'], {
      cwd: dir,
      env: { ...process.env, NO_COLOR: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let interrupted = false;
    child.stdout.on('data', (d) => {
      stdout += d;
      // Interrupt (once: a second Ctrl-C means "hurry") while the payment latency is injected.
      if (!interrupted && /inject-payment-service-latency/.test(stdout)) {
        interrupted = true;
        child.kill('SIGINT');
      }
    });
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(code, stdout).toBe(4);
    expect(stdout).toMatch(/reverted: remove HTTP fault delay from proxy payment/);
    const journal = JSON.parse(readFileSync(join(dir, 'out', 'naive', 'payment-latency.json'), 'utf8'));
    expect(journal.status).toBe('interrupted');
    await expectNothingLeft(join(dir, 'out'), stdout);
  }, 120_000);

  it('--serve keeps one shop up for examples/local run by hand, and stops it on Ctrl-C', async () => {
    const dir = tempDir();
    const child = spawn(process.execPath, [cliPath, 'demo', '--serve', 'resilient', '--out', 'out'], {
      cwd: dir,
      env: { ...process.env, NO_COLOR: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    child.stdout.on('data', (d) => (stdout += d));
    const closed = new Promise<number | null>((resolve) => child.on('close', resolve));
    for (let i = 0; i < 300 && !/Ctrl-C stops the shop/.test(stdout); i++) await new Promise((r) => setTimeout(r, 100));
    const env = Object.fromEntries([...stdout.matchAll(/export (\w+)=(\S+)/g)].map((m) => [m[1], m[2]]));
    expect(Object.keys(env), stdout).toContain('FAULTLINE_DEMO_GATEWAY_URL');
    const experiment = join(cliPath, '../../../../../examples/local/payment-errors.yaml');
    const run = await runCli(['run', experiment, '--journal-path', 'journal.json'], {
      cwd: dir,
      env,
      timeoutMs: 60_000,
    });
    expect(run.code, run.stdout + run.stderr).toBe(0);
    child.kill('SIGINT');
    expect(await closed, stdout).toBe(0);
    expect(stdout).toMatch(/Shop stopped/);
    await expectNothingLeft(join(dir, 'out'), stdout);
  }, 90_000);

  it("runs the settings' global controls around each experiment, as faultline run does", async () => {
    const dir = tempDir();
    const { settingsPath, hooks } = recordingControlSettings(dir);
    writeFileSync(join(dir, 'noop.yaml'), stringify(noopExperiment('does nothing')));
    const result = await runCli(
      ['--settings', settingsPath, 'demo', '--ci', '--out', 'out', '--experiment', 'noop.yaml'],
      { cwd: dir, timeoutMs: 120_000 },
    );
    expect(result.code, result.stdout + result.stderr).toBe(0);
    // Once against the naive shop, once against the resilient one.
    const once = recordedRun(join(dir, 'noop.yaml'), 'does nothing');
    expect(hooks()).toEqual([...once, ...once]);
    await expectNothingLeft(join(dir, 'out'), result.stdout);
  }, 150_000);
});
