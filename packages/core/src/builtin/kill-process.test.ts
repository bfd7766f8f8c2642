import { endLocalFault } from './end-local-fault.js';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createTestContext } from '../testing/create-test-context.js';
import { killProcess } from './kill-process.js';

const children: ChildProcess[] = [];
afterEach(() => {
  for (const child of children.splice(0))
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
});

/** A real process: a script with a unique file name that listens on a free port and says which. */
async function startTarget(): Promise<{ child: ChildProcess; port: number; name: string; dir: string }> {
  const dir = mkdtempSync(join(tmpdir(), 'faultline-kill-'));
  const name = `target-${process.pid}-${children.length}.cjs`;
  writeFileSync(
    join(dir, name),
    `const s = require('node:net').createServer().listen(0, '127.0.0.1', () => process.stdout.write(s.address().port + '\\n'));`,
  );
  const child = spawn(process.execPath, [join(dir, name)], { stdio: ['ignore', 'pipe', 'ignore'] });
  children.push(child);
  const port = await new Promise<number>((resolve) => child.stdout!.once('data', (d) => resolve(Number(String(d)))));
  return { child, port, name, dir };
}

const exited = (child: ChildProcess) =>
  new Promise<NodeJS.Signals | null>((resolve) => child.once('exit', (_code, signal) => resolve(signal)));

const run = (args: Record<string, unknown>, ctx = createTestContext()) =>
  killProcess.run(killProcess.arguments.parse(args), ctx) as Promise<{ pids: number[]; signal: string }>;

describe('kill_process', () => {
  it('kills by pid file with the given signal', async () => {
    const { child, dir } = await startTarget();
    writeFileSync(join(dir, 'target.pid'), `${child.pid}\n`);
    const gone = exited(child);
    expect(await run({ pid_file: join(dir, 'target.pid'), signal: 'SIGKILL' })).toMatchObject({ pids: [child.pid] });
    expect(await gone).toBe('SIGKILL');
  });

  it('kills by script name and by listening port, never itself', async () => {
    const byName = await startTarget();
    const byPort = await startTarget();
    const [nameGone, portGone] = [exited(byName.child), exited(byPort.child)];
    expect((await run({ name: byName.name })).pids).toEqual([byName.child.pid]);
    expect((await run({ port: byPort.port })).pids).toEqual([byPort.child.pid]);
    expect([await nameGone, await portGone]).toEqual(['SIGTERM', 'SIGTERM']);
    expect((await run({ pid: process.pid, allow_none: true })).pids).toEqual([]);
  });

  it('SIGSTOP registers SIGCONT as its revert, and the revert resumes the process', async () => {
    const { child, port } = await startTarget();
    const ctx = createTestContext();
    await run({ pid: child.pid, signal: 'SIGSTOP' }, ctx);
    expect(ctx.reverts).toMatchObject([{ func: 'end_local_fault', arguments: { fault: 'frozen', pid: [child.pid] } }]);
    const state = () => /\) (\w)/.exec(readFileSync(`/proc/${child.pid}/stat`, 'utf8'))?.[1];
    const until = async (wanted: (s?: string) => boolean) => {
      for (let i = 0; i < 100 && !wanted(state()); i++) await new Promise((r) => setTimeout(r, 20));
      return state();
    };
    expect(await until((s) => s === 'T')).toBe('T');
    await endLocalFault.run(endLocalFault.arguments.parse(ctx.reverts[0].arguments), createTestContext());
    expect(await until((s) => s !== 'T')).not.toBe('T');
    expect((await run({ port })).pids).toEqual([child.pid]);
  });

  it('fails clearly when nothing matches, changes nothing under dry-run', async () => {
    const { child } = await startTarget();
    await expect(run({ name: 'no-such-process-faultline' })).rejects.toThrow(/no process matches name "no-such/);
    await expect(run({ pid_file: '/nonexistent/x.pid' })).rejects.toThrow(/cannot read pid file/);
    expect(() => killProcess.arguments.parse({ signal: 'SIGKILL' })).toThrow(/pid, pid_file, name or port/);
    expect(await run({ pid: child.pid, signal: 'SIGKILL' }, createTestContext({ dryRun: true }))).toMatchObject({
      dry_run: true,
    });
    expect(child.exitCode === null && child.signalCode === null).toBe(true);
  });
});
