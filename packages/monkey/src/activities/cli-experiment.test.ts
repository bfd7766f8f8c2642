import { execFile, spawn } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call } from '../__fixtures__/http-fixtures.js';
import { buildMonkey, forkServer, repoRoot, type Child } from '../__fixtures__/built-package.js';

const cli = `${repoRoot}packages/cli/dist/bin/faultline.js`;
const token = 'e2e-secret-token-5f1c';

// The example experiment, run by the real CLI against the example Node service: chaosspring
// functions resolve to this driver, the token comes from secrets, and every change is reverted.
describe('examples/monkey/latency-experiment.yaml through the faultline CLI', () => {
  let service: Child;
  let dir: string;

  beforeAll(async () => {
    buildMonkey();
    if (!existsSync(cli)) {
      await promisify(execFile)(process.execPath, [
        `${repoRoot}node_modules/typescript/bin/tsc`,
        '-b',
        `${repoRoot}packages/cli`,
      ]);
    }
    service = await forkServer(`${repoRoot}examples/monkey/orders-service.mjs`, { CHAOS_MONKEY_TOKEN: token });
    dir = mkdtempSync(join(tmpdir(), 'monkey-e2e-'));
  }, 180_000);

  afterAll(() => {
    service?.proc.kill();
  });

  it('runs, the steady state holds, and the monkey ends as it started', async () => {
    const port = new URL(service.base).port;
    const experiment = readFileSync(`${repoRoot}examples/monkey/latency-experiment.yaml`, 'utf8')
      .replaceAll('127.0.0.1:3000', `127.0.0.1:${port}`)
      .replace('after: 5', 'after: 1');
    writeFileSync(join(dir, 'experiment.yaml'), experiment);
    const journalPath = join(dir, 'journal.json');
    const { stdout } = await promisify(execFile)(
      process.execPath,
      [cli, 'run', join(dir, 'experiment.yaml'), '--journal-path', journalPath, '--no-log-file', '--no-color'],
      {
        cwd: dir,
        env: { ...process.env, CHAOS_MONKEY_TOKEN: token },
      },
    );
    expect(stdout).toMatch(/steady state held/);
    const journal = readFileSync(journalPath, 'utf8');
    expect(JSON.parse(journal)).toMatchObject({ status: 'completed', deviated: false });
    expect(journal).not.toContain(token);

    const auth = { authorization: `Bearer ${token}` };
    const status = await call(`${service.base}/actuator/chaosmonkey/status`, { headers: auth });
    expect(status.json).toMatchObject({ enabled: false });
    const assaults = await call(`${service.base}/actuator/chaosmonkey/assaults`, { headers: auth });
    expect(assaults.json).toMatchObject({
      level: 1,
      latencyActive: false,
      latencyRangeStart: 1000,
      latencyRangeEnd: 3000,
    });
  });

  it('after a hard kill of the run, `faultline revert <journal>` restores the monkey', async () => {
    const port = new URL(service.base).port;
    const experiment = readFileSync(`${repoRoot}examples/monkey/latency-experiment.yaml`, 'utf8')
      .replaceAll('127.0.0.1:3000', `127.0.0.1:${port}`)
      .replace('after: 5', 'after: 60');
    writeFileSync(join(dir, 'long.yaml'), experiment);
    const journalPath = join(dir, 'killed.json');
    const env = { ...process.env, CHAOS_MONKEY_TOKEN: token };
    const run = spawn(
      process.execPath,
      [cli, 'run', join(dir, 'long.yaml'), '--journal-path', journalPath, '--no-log-file', '--no-color'],
      { cwd: dir, env, stdio: 'ignore' },
    );
    const auth = { authorization: `Bearer ${token}` };
    const deadline = Date.now() + 20_000;
    while (
      !((await call(`${service.base}/actuator/chaosmonkey/status`, { headers: auth })).json as { enabled: boolean })
        .enabled
    ) {
      if (Date.now() > deadline) throw new Error('the run never enabled the monkey');
      await new Promise((r) => setTimeout(r, 100));
    }
    // The run is now in its 60 s pause; give the journal writer a moment, then kill hard.
    await new Promise((r) => setTimeout(r, 500));
    run.kill('SIGKILL');
    await once(run, 'exit');
    expect((await call(`${service.base}/actuator/chaosmonkey/assaults`, { headers: auth })).json).toMatchObject({
      level: 3,
      latencyActive: true,
    });

    const { stdout } = await promisify(execFile)(
      process.execPath,
      [cli, 'revert', journalPath, '--no-log-file', '--no-color'],
      { cwd: dir, env },
    );
    expect(stdout).toMatch(/reverted: disable Chaos Monkey/);
    expect((await call(`${service.base}/actuator/chaosmonkey/status`, { headers: auth })).json).toMatchObject({
      enabled: false,
    });
    expect((await call(`${service.base}/actuator/chaosmonkey/assaults`, { headers: auth })).json).toMatchObject({
      level: 1,
      latencyActive: false,
    });
  }, 60_000);
});
