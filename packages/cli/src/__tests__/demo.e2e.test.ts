import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, tempDir } from './cli-harness.js';

describe('faultline demo (the README quick start)', () => {
  it('starts the orders service, runs the experiment end to end, reverts the assault and writes a report', async () => {
    const dir = tempDir();
    const result = await runCli(['demo', '--out', 'out'], { cwd: dir, timeoutMs: 60_000 });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/Result: completed/);
    expect(result.stdout).toMatch(/monkey added [1-9]\d* ms of latency in all and is disabled again/);
    const journal = JSON.parse(readFileSync(join(dir, 'out', 'journal.json'), 'utf8'));
    expect(journal.status).toBe('completed');
    expect(journal.steady_states.during.length).toBeGreaterThan(2);
    expect(journal.faultline.reverts.map((r: { status: string }) => r.status)).toEqual(['reverted', 'reverted']);
    expect(JSON.stringify(journal)).not.toMatch(/[0-9a-f]{32}/); // the actuator token never reaches the journal
    expect(readFileSync(join(dir, 'out', 'report.html'), 'utf8')).toMatch(/^<!doctype html>/i);
  });
});
