import { readdirSync, readFileSync } from 'node:fs';
import { abortableSleep } from '../util/abortable-sleep.js';
import { processStartTime } from './process-identity.js';

/** The environment variable every process a run starts inherits: which Faultline process started it. */
export const runnerVariable = 'FAULTLINE_RUNNER';

/** This process as a runner: pid and start time (a reused pid is another process). */
export function runnerMark(pid = process.pid, start = processStartTime(pid)): string {
  return `${pid}:${start ?? ''}`;
}

/**
 * Marks every process this one starts from now on (psql, stress-ng, a process provider), so a
 * `faultline stop` after a hard kill can find what the dead run left running. /proc/<pid>/environ
 * keeps the environment a process started with, so the mark survives the runner.
 */
export function markChildProcesses(): string {
  const mark = runnerMark();
  process.env[runnerVariable] = mark;
  return mark;
}

/** Live processes (not zombies) started by the runner `mark`, this process excepted. Linux only. */
export function leftoverProcesses(mark: string): number[] {
  const wanted = `${runnerVariable}=${mark}`;
  let entries: string[];
  try {
    entries = readdirSync('/proc').filter((entry) => /^\d+$/.test(entry));
  } catch {
    return [];
  }
  const found: number[] = [];
  for (const entry of entries) {
    const pid = Number(entry);
    if (pid === process.pid) continue;
    try {
      if (!readFileSync(`/proc/${pid}/environ`, 'latin1').split('\0').includes(wanted)) continue;
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      if (stat.slice(stat.lastIndexOf(')') + 2).startsWith('Z')) continue;
      found.push(pid);
    } catch {
      // gone meanwhile, or not ours to read
    }
  }
  return found;
}

/**
 * Ends what a run killed hard left running (an activity's process, a stress-ng, a psql still in
 * its query), as the run itself would have on interruption: SIGTERM, then SIGKILL after `graceMs`.
 * Done before its faults are reverted, so nothing it started acts after the revert.
 */
export async function endLeftoverProcesses(mark: string, graceMs = 2000): Promise<number[]> {
  const pids = leftoverProcesses(mark);
  if (!pids.length) return [];
  const signal = (pid: number, sig: NodeJS.Signals) => {
    try {
      process.kill(pid, sig);
    } catch {
      // already gone
    }
  };
  // A frozen (SIGSTOPped) leftover must wake up to see the SIGTERM.
  for (const pid of pids) (signal(pid, 'SIGTERM'), signal(pid, 'SIGCONT'));
  const deadline = Date.now() + graceMs;
  while (leftoverProcesses(mark).length && Date.now() < deadline) await abortableSleep(50);
  for (const pid of leftoverProcesses(mark)) signal(pid, 'SIGKILL');
  return pids;
}
