import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { runShell } from './start-shell.js';
import { blocksOf, fencedBlocks, tally } from './fenced-blocks.js';
import { wrapFragment } from './wrap-fragment.js';

const blocks = fencedBlocks('docs/local.md');

describe('docs/local.md: every example runs as written', () => {
  it('has the blocks this test checks, each marked with its role', () => {
    expect(tally(blocks)).toEqual({ runs: 0, fragment: 1, synopsis: 0, illustrative: 0 });
  });

  it('kill_process SIGKILLs the process of the pid file (a pid file of the test, not /run)', async () => {
    const cwd = mkdtempSync(join(tmpdir(), 'faultline-local-docs-'));
    const replica = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)'], { stdio: 'ignore' });
    const exited = new Promise<NodeJS.Signals | null>((resolve) =>
      replica.on('exit', (_code, signal) => resolve(signal)),
    );
    try {
      writeFileSync(join(cwd, 'orders-1.pid'), `${replica.pid}\n`);
      const code = blocksOf(blocks, 'fragment')[0]!.code.replace('/run/orders-1.pid', join(cwd, 'orders-1.pid'));
      writeFileSync(join(cwd, 'experiment.yaml'), stringify(wrapFragment(code)));
      const result = await runShell('faultline run experiment.yaml', { cwd, flags: [] });
      expect(result.code, result.stderr).toBe(0);
      expect(await exited).toBe('SIGKILL');
    } finally {
      replica.kill('SIGKILL');
    }
  });
});
