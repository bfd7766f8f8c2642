import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';

const bin = fileURLToPath(new URL('../../bin/faultline.js', import.meta.url));
const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

/** `faultline serve` as a real process on a fresh store; output collected as it comes. */
function serve(args: string[], token: string) {
  const dir = mkdtempSync(join(tmpdir(), 'faultline-serve-'));
  dirs.push(dir);
  const store = join(dir, 's.sqlite');
  const child = spawn(process.execPath, [bin, '--no-log-file', 'serve', '--store', store, ...args], {
    env: { ...process.env, FAULTLINE_SERVE_TOKEN: token },
  });
  const output = { out: '', err: '' };
  child.stdout.on('data', (chunk: Buffer) => (output.out += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output.err += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
  return { child, output, exited, store };
}

describe('faultline serve', () => {
  it('serves the dashboard on loopback with the token from the environment, and closes on SIGTERM', async () => {
    const { child, output, exited } = serve(['--port', '0'], 'serve-test-token');
    try {
      await expect.poll(() => output.out, { timeout: 30_000 }).toMatch(/http:\/\/127\.0\.0\.1:\d+/);
      const url = /http:\/\/127\.0\.0\.1:\d+/.exec(output.out)![0];
      expect(output.out).toContain('operator token required');
      expect((await fetch(`${url}/runs`, { redirect: 'manual' })).status).toBe(303);
      const runs = await fetch(`${url}/runs`, { headers: { authorization: 'Bearer serve-test-token' } });
      expect(runs.status).toBe(200);
      expect(await runs.text()).toContain('No runs match');
    } finally {
      child.kill('SIGTERM');
    }
    expect(await exited).toBe(0);
  });

  it('refuses an --experiments that is not a folder before touching the store', async () => {
    const { output, exited, store } = serve(['--experiments', 'no-such-folder'], 'serve-test-token');
    expect(await exited).toBe(64);
    expect(output.err).toContain('--experiments no-such-folder: not a folder');
    expect(existsSync(store)).toBe(false);
  });

  it('refuses a --lost-after that is not a positive number of seconds before touching the store', async () => {
    const { output, exited, store } = serve(['--lost-after', '0'], 'serve-test-token');
    expect(await exited).toBe(64);
    expect(output.err).toContain('--lost-after must be a positive number of seconds, got "0"');
    expect(existsSync(store)).toBe(false);
  });

  it('refuses a non-loopback address without a token before touching the store', async () => {
    const { output, exited, store } = serve(['--host', '0.0.0.0'], '');
    expect(await exited).toBe(64);
    expect(output.err).toContain('refusing to listen on 0.0.0.0 without a token');
    expect(existsSync(store)).toBe(false);
  });
});
