import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { findPostgresBin, startPostgresServer, until, type PostgresServer } from '@faultline/core/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli, tempDir, writeFile } from './cli-harness.js';

// The probe holds while no `flag` file exists; the action raises the flag unless told otherwise.
// `wait` makes every run wait for a `go` file, so parallel runs finish at the same moment.
const experiment = `
title: Flag stays down
tags: [flags]
configuration:
  action: touch flag
  wait: "true"
steady-state-hypothesis:
  title: no flag
  probes:
    - type: probe
      name: no-flag
      tolerance: 0
      provider: { type: process, path: /bin/sh, arguments: ['-c', 'test ! -e flag'] }
method:
  - type: action
    name: raise-flag
    provider: { type: process, path: /bin/sh, arguments: ['-c', '\${wait}; \${action}'] }
`;

function storeScenarios(backend: string, storeUrl: () => string): void {
  describe(`runs recorded by the CLI (${backend})`, () => {
    it('records 20 runs finishing at once in parallel processes, losing none', async () => {
      const dir = tempDir();
      const url = storeUrl();
      writeFile(dir, 'exp.yaml', experiment);
      const runs = Array.from({ length: 20 }, (_, i) =>
        runCli(
          [
            '--no-log-file',
            'run',
            'exp.yaml',
            `--journal-path=j${i}.json`,
            '--store',
            url,
            '--var',
            `wait:str=touch ready-${i}; while [ ! -e go ]; do sleep 0.05; done`,
            '--var',
            'action:str=true',
          ],
          { cwd: dir, timeoutMs: 120_000 },
        ),
      );
      await until(
        () => readdirSync(dir).filter((n) => n.startsWith('ready-')).length === 20,
        60_000,
        '20 runs to start',
      );
      writeFileSync(join(dir, 'go'), '');
      const results = await Promise.all(runs);
      for (const result of results) {
        expect(result.stderr).toBe('');
        expect(result.code).toBe(0);
      }
      const listed = await runCli(['history', '--store', url, '--limit', '100', '--output', 'json'], { cwd: dir });
      expect(listed.code).toBe(0);
      const { runs: recorded } = JSON.parse(listed.stdout) as { runs: Array<{ outcome: string; origin: string }> };
      expect(recorded).toHaveLength(20);
      expect(new Set(recorded.map((r) => `${r.outcome}/${r.origin}`))).toEqual(new Set(['held/run']));
    }, 180_000);

    it('proposes a finding, verifies the fix, and announces a regression loudly', async () => {
      const dir = tempDir();
      const url = storeUrl();
      writeFile(dir, 'exp.yaml', experiment);
      const run = (...extra: string[]) =>
        runCli(['--no-log-file', 'run', 'exp.yaml', '--store', url, ...extra], { cwd: dir });
      const deviated = await run();
      expect(deviated.code).toBe(1);
      expect(deviated.stdout).toMatch(/Finding #1 proposed: Flag stays down: no-flag deviated/);

      const store = ['--store', url];
      const fixed = await runCli(
        ['findings', 'update', '1', '--state', 'fixed', '--fix-link', 'https://git.example/pr/9', ...store],
        { cwd: dir },
      );
      expect(fixed.stdout).toMatch(/State\s+fixed/);
      const recheckDry = await runCli(['recheck', '--dry', ...store], { cwd: dir });
      expect(recheckDry.stdout).toMatch(/would run Flag stays down .* findings #1 fixed/);

      // the fix is "lower the flag and stop raising it"
      const held = await runCli(['--no-log-file', 'run', 'exp.yaml', ...store, '--var', 'action:str=true'], {
        cwd: dir,
        env: {},
      });
      expect(held.code).toBe(5); // the flag raised earlier is still up: not tried, proves nothing
      expect(held.stdout).not.toMatch(/verified/);
      rmSync(join(dir, 'flag'));
      const verified = await runCli(['--no-log-file', 'run', 'exp.yaml', ...store, '--var', 'action:str=true'], {
        cwd: dir,
      });
      expect(verified.code).toBe(0);
      expect(verified.stdout).toMatch(/Finding #1 .* verified/);

      // recheck runs the experiment again from its file: it deviates → regression, exit 1
      const recheck = await runCli(['recheck', ...store, '--journal-dir', 'rechecks'], { cwd: dir });
      expect(recheck.stdout).toMatch(/REGRESSION: finding #1/);
      expect(recheck.stdout).toMatch(/#1 Flag stays down: no-flag deviated: verified → regressed {2}<-- REGRESSION/);
      expect(recheck.code).toBe(1);
      expect(readdirSync(join(dir, 'rechecks')).length).toBe(1);

      const shown = await runCli(['findings', 'show', '1', ...store, '--output', 'json'], { cwd: dir });
      const finding = JSON.parse(shown.stdout) as { state: string; events: Array<{ to: string }> };
      expect(finding.state).toBe('regressed');
      expect(finding.events.map((e) => e.to)).toEqual(['open', 'fixed', 'verified', 'regressed']);

      const trend = await runCli(['history', 'trend', 'exp.yaml', ...store, '--output', 'json'], { cwd: dir });
      const parsed = JSON.parse(trend.stdout) as { runs: number; passRate: number; score: { openFindings: number } };
      expect(parsed).toMatchObject({ runs: 4, passRate: 1 / 3, score: { openFindings: 1 } });
      const text = await runCli(['history', 'trend', 'exp.yaml', ...store], { cwd: dir });
      expect(text.stdout).toMatch(/outcomes {10}▁·█▁ /);

      const report = await runCli(['report', '--history', 'journal.json', 'report.html', ...store], { cwd: dir });
      expect(report.code).toBe(0);
      const html = readFileSync(join(dir, 'report.html'), 'utf8');
      expect(html).toMatch(/<h2>History<\/h2>/);
      expect(html).toMatch(/Resilience score <strong>\d+<\/strong>\/100 · pass rate 33% over 4 runs/);
      expect(html).toContain('<a href="https://git.example/pr/9">');
      expect(html).toMatch(/outcome-deviated">regressed/);
    }, 120_000);
  });
}

storeScenarios('SQLite', () => join(tempDir(), 'runs.sqlite'));

const pgBin = findPostgresBin();
describe.skipIf(!pgBin)('PostgreSQL', () => {
  let server: PostgresServer;
  beforeAll(async () => {
    server = await startPostgresServer(pgBin!);
  });
  afterAll(() => server?.stop());
  storeScenarios('PostgreSQL', () => server.createDatabase());
});

describe('the store out of the way', () => {
  it('queues the record when the store is unreachable, says so in one line, and delivers it next time', async () => {
    const dir = tempDir();
    writeFile(dir, 'exp.yaml', experiment);
    const down = await runCli(
      [
        '--no-log-file',
        'run',
        'exp.yaml',
        '--store',
        'postgres://chaos:s3cret@127.0.0.1:1/none',
        '--var',
        'action:str=true',
      ],
      { cwd: dir },
    );
    expect(down.code).toBe(0);
    expect(existsSync(join(dir, 'journal.json'))).toBe(true);
    // one line for the live state the run could not publish while it ran, one for the record
    const lines = down.stderr.trim().split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/^store: live state not published .*ECONNREFUSED.*; the run goes on/);
    expect(lines[1]).toMatch(/^store: run not recorded .*ECONNREFUSED.*; queued in /);
    expect(down.stderr).not.toContain('s3cret');
    const queue = join(dir, '.data', 'faultline', 'queue');
    expect(readdirSync(queue)).toHaveLength(1);

    // a SQLite store under a path that is a file cannot be opened; once it can, the queue drains into it
    writeFile(dir, 'blocker', '');
    const blocked = await runCli(
      ['--no-log-file', 'run', 'exp.yaml', '--store', 'blocker/runs.sqlite', '--var', 'action:str=true'],
      { cwd: dir },
    );
    expect(blocked.code).toBe(0);
    expect(blocked.stderr).toMatch(/^store: run not recorded .*; queued in /m);
    expect(readdirSync(queue)).toHaveLength(2);
    rmSync(join(dir, 'blocker'));
    const listed = await runCli(['history', '--store', 'blocker/runs.sqlite', '--output', 'json'], { cwd: dir });
    expect(listed.stderr).toBe('store: delivered 1 queued run\n');
    expect(JSON.parse(listed.stdout).runs).toHaveLength(1);
    expect(readdirSync(queue)).toHaveLength(1); // the PostgreSQL one still waits for its server
  });

  it('--no-store records nothing; import adds journals once, Chaos Toolkit ones included', async () => {
    const dir = tempDir();
    writeFile(dir, 'exp.yaml', experiment);
    const run = await runCli(['--no-log-file', 'run', 'exp.yaml', '--no-store', '--var', 'action:str=true'], {
      cwd: dir,
    });
    expect(run.code).toBe(0);
    expect(existsSync(join(dir, '.data'))).toBe(false);
    const store = join(dir, 'store.sqlite');
    const first = await runCli(['import', 'journal.json', '--store', store], { cwd: dir });
    expect(first.stdout).toMatch(/imported 1 run into .*; 0 already there/);
    const again = await runCli(['import', '.', '--store', store, '--output', 'json'], { cwd: dir });
    expect(JSON.parse(again.stdout)).toEqual({ added: 0, skipped: 1, failed: [] });
    const journal = JSON.parse(readFileSync(join(dir, 'journal.json'), 'utf8'));
    const runId = journal.faultline.run_id as string;
    const shown = await runCli(['history', 'show', runId.slice(0, 8), '--store', store], { cwd: dir });
    expect(shown.stdout).toMatch(/Outcome {4}held \(exit 0\)/);
    expect(shown.stdout).toMatch(/Ran by {5}- on - \(import\)/);

    const experiments = await runCli(['history', 'experiments', '--store', store, '--output', 'json'], { cwd: dir });
    expect(JSON.parse(experiments.stdout)).toMatchObject([{ title: 'Flag stays down', runs: 1, lastOutcome: 'held' }]);
    // `--keep 1s` prunes runs started over a second ago: on a fast machine that second may not have passed yet.
    const startedAt = Date.parse(journal.start as string);
    expect(startedAt).toBeGreaterThan(0);
    await until(() => Date.now() > startedAt + 1_500);
    const dry = await runCli(['history', 'prune', '--keep', '1s', '--dry', '--store', store], { cwd: dir });
    expect(dry.stdout).toMatch(/^would delete 1 run started before .*; kept 0 older runs that evidence a finding/);
    await runCli(['history', 'prune', '--keep', '1s', '--store', store], { cwd: dir });
    const left = await runCli(['history', '--store', store, '--output', 'json'], { cwd: dir });
    expect(JSON.parse(left.stdout).runs).toEqual([]);
  });
});
