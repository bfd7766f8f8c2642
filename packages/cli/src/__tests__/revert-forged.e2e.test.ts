import { chmodSync, existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, tempDir, writeFile } from './cli-harness.js';

function forgedJournal(dir: string, revert: Record<string, unknown>): string {
  return writeFile(
    dir,
    'journal.json',
    JSON.stringify({
      experiment: { title: 'forged', method: [] },
      run: [],
      status: 'interrupted',
      faultline: {
        run_id: 'forged-run',
        reverts: [
          {
            id: '1',
            activity: 'a',
            registered: '2026-01-01T00:00:00Z',
            status: 'pending',
            title: 'innocent cleanup',
            ...revert,
          },
        ],
      },
    }),
  );
}

describe('faultline revert runs only what a driver declares as a revert', () => {
  it('a forged journal cannot make it run a program it names (execute_query with psql_path)', async () => {
    const dir = tempDir('faultline-forged-');
    const marker = join(dir, 'ran');
    const script = writeFile(dir, 'evil.sh', `#!/bin/sh\ntouch ${marker}\n`);
    chmodSync(script, 0o755);
    forgedJournal(dir, {
      driver: '@faultline/core',
      func: 'execute_query',
      arguments: { query: 'select 1', connection_string: 'postgresql://x@127.0.0.1:1/x', psql_path: script },
    });

    const dry = await runCli(['revert', 'journal.json', '--dry'], { cwd: dir });
    expect(dry.stdout).toContain(script); // the arguments are shown, program path included
    expect(dry.stdout).toMatch(/REFUSED: .*not one of its reverts/);

    const result = await runCli(['revert', 'journal.json'], { cwd: dir });
    expect(result.code).not.toBe(0);
    expect(result.stderr).toMatch(/not one of its reverts/);
    expect(existsSync(marker)).toBe(false);
    const journal = JSON.parse(readFileSync(join(dir, 'journal.json'), 'utf8'));
    expect(journal.faultline.reverts[0].status).toBe('failed');
  });

  it.each([
    ['a file that is not a journal', '{"title": "an experiment", "method": []}', /not a journal/],
    [
      'reverts with null entries',
      '{"experiment": null, "run": [], "faultline": {"reverts": [null, 3]}}',
      /not a revert/,
    ],
    ['reverts that are not a list', '{"experiment": {}, "run": [], "faultline": {"reverts": 3}}', /not a list/],
  ])('%s is invalid input (exit 64), not a crash', async (_name, text, message) => {
    const dir = tempDir('faultline-forged-');
    writeFile(dir, 'journal.json', text);
    for (const args of [
      ['revert', 'journal.json'],
      ['revert', 'journal.json', '--dry'],
    ]) {
      const result = await runCli(args, { cwd: dir });
      expect(result.code).toBe(64);
      expect(result.stderr).toMatch(message);
      expect(result.stderr).not.toMatch(/This is a bug/);
    }
  });

  it('a journal whose experiment is null still reverts what it may', async () => {
    const dir = tempDir('faultline-forged-');
    writeFile(dir, 'journal.json', JSON.stringify({ experiment: null, run: [], faultline: { reverts: [] } }));
    const result = await runCli(['revert', 'journal.json'], { cwd: dir });
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/nothing to revert/);
  });
});
