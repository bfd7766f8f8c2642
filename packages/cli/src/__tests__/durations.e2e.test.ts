import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, tempDir, writeFile } from './cli-harness.js';

const experiment = (method: string) => `version: 1.0.0
title: durations
description: waits longer than Node's timers can hold
method:
${method}
`;

function journalOf(dir: string) {
  return JSON.parse(readFileSync(join(dir, 'journal.json'), 'utf8')) as {
    status: string;
    run: Array<{ status: string; exception?: string[] }>;
  };
}

describe('durations past the 2^31 ms timer limit neither fire at once nor overflow', () => {
  it('a 25-day pause waits (interrupted by --max-duration), it does not complete in milliseconds', async () => {
    const dir = tempDir('faultline-durations-');
    writeFile(
      dir,
      'exp.yaml',
      experiment(
        `  - type: action\n    name: wait\n    provider: { type: process, path: "true" }\n    pauses: { after: 25d }`,
      ),
    );
    const started = Date.now();
    const result = await runCli(['run', 'exp.yaml', '--max-duration', '2s', '--no-log-file'], { cwd: dir });
    expect(Date.now() - started).toBeGreaterThan(1500);
    expect(result.code).toBe(4);
    expect(journalOf(dir).status).toBe('interrupted');
  });

  it('--max-duration 25d does not interrupt the run at once', async () => {
    const dir = tempDir('faultline-durations-');
    writeFile(
      dir,
      'exp.yaml',
      experiment(`  - type: action\n    name: short\n    provider: { type: process, path: sleep, arguments: ["0.5"] }`),
    );
    const result = await runCli(['run', 'exp.yaml', '--max-duration', '25d', '--no-log-file'], { cwd: dir });
    expect(result.code).toBe(0);
    expect(journalOf(dir).status).toBe('completed');
  });

  it('a 25-day process timeout does not kill the process at once', async () => {
    const dir = tempDir('faultline-durations-');
    writeFile(
      dir,
      'exp.yaml',
      experiment(
        `  - type: action\n    name: short\n    provider: { type: process, path: sleep, arguments: ["0.5"], timeout: 25d }`,
      ),
    );
    const result = await runCli(['run', 'exp.yaml', '--no-log-file'], { cwd: dir });
    expect(result.code).toBe(0);
    expect(journalOf(dir).run[0]!.status).toBe('succeeded');
  });

  it.each([
    [['--max-duration', '31d'], /longer than the maximum of 30 days/],
    [['--hypothesis-frequency', '1e400'], /hypothesis-frequency/],
  ])('%s is invalid input (exit 64)', async (flags, message) => {
    const dir = tempDir('faultline-durations-');
    writeFile(
      dir,
      'exp.yaml',
      experiment(`  - type: action\n    name: a\n    provider: { type: process, path: "true" }`),
    );
    const result = await runCli(['run', 'exp.yaml', ...flags, '--no-log-file'], { cwd: dir });
    expect(result.code).toBe(64);
    expect(result.stderr).toMatch(message);
  });
});
