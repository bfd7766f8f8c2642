import { chmod, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ActivityFailedError, InterruptedError } from '../../errors/faultline-error.js';
import type { ProcessProvider } from '../../model/experiment.js';
import { findExecutable } from './find-executable.js';
import { runProcessProvider } from './run-process-provider.js';

let dir: string;
const run = (
  provider: Omit<ProcessProvider, 'type'>,
  options: { signal?: AbortSignal; env?: Record<string, string | undefined> } = {},
) =>
  runProcessProvider(
    { type: 'process', ...provider },
    { signal: options.signal ?? new AbortController().signal, cwd: dir, env: options.env, killGraceMs: 500 },
  );

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function waitFor(check: () => boolean, ms = 10_000): Promise<boolean> {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (check()) return true;
    await new Promise((r) => setTimeout(r, 50));
  }
  return check();
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'faultline-process-'));
  await writeFile(
    join(dir, 'args.sh'),
    '#!/bin/sh\nfor a in "$@"; do echo "[$a]"; done\necho "to stderr" >&2\nexit ${EXIT_CODE:-0}\n',
  );
  await chmod(join(dir, 'args.sh'), 0o755);
  await writeFile(join(dir, 'not-executable.sh'), '#!/bin/sh\necho no\n');
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('runProcessProvider', () => {
  it('runs a list of arguments as argv, dropping null and empty entries and stringifying numbers', async () => {
    const out = await run({ path: './args.sh', arguments: ['a b', null, '', 3, '$HOME', "it's"] });
    expect(out).toEqual({ status: 0, stdout: "[a b]\n[3]\n[$HOME]\n[it's]\n", stderr: 'to stderr\n' });
  });

  it('runs a string of arguments through a shell', async () => {
    const out = await run(
      { path: 'echo', arguments: 'one   two && echo "$FAULTLINE_T"' },
      { env: { ...process.env, FAULTLINE_T: 'from-env' } },
    );
    expect(out.stdout).toBe('one two\nfrom-env\n');
    expect(out.status).toBe(0);
  });

  it('quotes the executable path in shell mode', async () => {
    const spaced = join(dir, 'with space');
    await import('node:fs/promises').then((fs) => fs.mkdir(spaced, { recursive: true }));
    await writeFile(join(spaced, 'tool.sh'), '#!/bin/sh\necho "tool:$1"\n');
    await chmod(join(spaced, 'tool.sh'), 0o755);
    expect((await run({ path: join(spaced, 'tool.sh'), arguments: 'x' })).stdout).toBe('tool:x\n');
  });

  it('runs without arguments', async () => {
    expect((await run({ path: 'true' })).status).toBe(0);
  });

  it('reports a non-zero exit without throwing', async () => {
    const out = await run({ path: './args.sh', arguments: [] }, { env: { ...process.env, EXIT_CODE: '3' } });
    expect(out.status).toBe(3);
    expect(out.stderr).toBe('to stderr\n');
  });

  it('reports a process killed by a signal as minus the signal number', async () => {
    expect((await run({ path: 'sh', arguments: ['-c', 'kill -9 $$'] })).status).toBe(-9);
  });

  it('looks the path up on PATH and names it when missing', async () => {
    const error = await run({ path: 'faultline-no-such-tool' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ActivityFailedError);
    expect((error as ActivityFailedError).code).toBe('E_PROCESS_NOT_FOUND');
    expect((error as Error).message).toContain('"faultline-no-such-tool" was not found on PATH');
    await expect(run({ path: './missing.sh' })).rejects.toThrow(/"\.\/missing\.sh" was not found or is not executable/);
    await expect(run({ path: './not-executable.sh' })).rejects.toThrow(/not executable/);
    await expect(run({ path: 'echo' }, { env: { PATH: '/nonexistent' } })).rejects.toThrow(/not found on PATH/);
  });

  it('kills the process (and its group) on timeout and throws', async () => {
    const pidFile = join(dir, 'grandchild.pid');
    const started = Date.now();
    const error = await run({
      path: 'sh',
      arguments: `-c 'sleep 30 & echo $! > ${pidFile}; wait'`,
      timeout: 0.5,
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ActivityFailedError);
    expect((error as ActivityFailedError).code).toBe('E_PROCESS_TIMEOUT');
    expect((error as Error).message).toMatch(/took longer than 0\.5s/);
    expect(Date.now() - started).toBeLessThan(10_000);
    const grandchild = Number((await import('node:fs/promises').then((fs) => fs.readFile(pidFile, 'utf8'))).trim());
    expect(await waitFor(() => !alive(grandchild))).toBe(true);
  });

  it('accepts a timeout with a unit', async () => {
    await expect(run({ path: 'sleep', arguments: ['30'], timeout: '300ms' })).rejects.toThrow(/took longer/);
  });

  it('escalates to SIGKILL when the process ignores SIGTERM', async () => {
    const started = Date.now();
    await expect(run({ path: 'sh', arguments: ['-c', 'trap "" TERM; sleep 30'], timeout: 0.3 })).rejects.toThrow(
      /took longer/,
    );
    expect(Date.now() - started).toBeLessThan(10_000);
  });

  it("kills the process group when the signal aborts and throws the run's reason", async () => {
    const pidFile = join(dir, 'aborted.pid');
    const controller = new AbortController();
    setTimeout(() => controller.abort(new InterruptedError('SIGINT received')), 300);
    const started = Date.now();
    await expect(
      run({ path: 'sh', arguments: ['-c', `sleep 30 & echo $! > ${pidFile}; wait`] }, { signal: controller.signal }),
    ).rejects.toThrow('SIGINT received');
    expect(Date.now() - started).toBeLessThan(10_000);
    const grandchild = Number((await import('node:fs/promises').then((fs) => fs.readFile(pidFile, 'utf8'))).trim());
    expect(await waitFor(() => !alive(grandchild))).toBe(true);
    const already = new AbortController();
    already.abort();
    await expect(run({ path: 'true' }, { signal: already.signal })).rejects.toBeInstanceOf(InterruptedError);
  });

  it('does not hang when a background process keeps the output open', async () => {
    const started = Date.now();
    const pidFile = join(dir, 'background.pid');
    const out = await run({ path: 'sh', arguments: ['-c', `echo started; sleep 30 & echo $! > ${pidFile}`] });
    expect(out.stdout).toBe('started\n');
    expect(Date.now() - started).toBeLessThan(15_000);
    const background = Number((await import('node:fs/promises').then((fs) => fs.readFile(pidFile, 'utf8'))).trim());
    process.kill(background, 'SIGKILL');
  });

  it('flattens a mapping of arguments into key, value pairs (Chaos Toolkit)', async () => {
    const out = await runProcessProvider(
      { type: 'process', path: './args.sh', arguments: { '--name': 'x', '--n': 2 } as unknown as string[] },
      { signal: new AbortController().signal, cwd: dir },
    );
    expect(out.stdout).toBe('[--name]\n[x]\n[--n]\n[2]\n');
  });
});

describe('findExecutable', () => {
  it('finds names on PATH and paths relative to cwd', () => {
    expect(findExecutable('sh', { cwd: dir })).toMatch(/\/sh$/);
    expect(findExecutable('./args.sh', { cwd: dir })).toBe(join(dir, 'args.sh'));
    expect(findExecutable('args.sh', { cwd: dir, env: { PATH: dir } })).toBe(join(dir, 'args.sh'));
    expect(findExecutable('nope-nope', { cwd: dir })).toBeUndefined();
    expect(findExecutable(dir, { cwd: dir })).toBeUndefined(); // a directory is not executable
  });
});
