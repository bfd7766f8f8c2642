import { spawn } from 'node:child_process';
import { Worker } from 'node:worker_threads';
import type { ActivityContext } from '../activity/activity-context.js';
import { ActivityFailedError } from '../errors/faultline-error.js';
import { parseDuration } from '../duration/parse-duration.js';
import { findExecutable } from '../provider/process/find-executable.js';

export interface StressPlan {
  /** stress-ng arguments without --timeout, e.g. ["--cpu", "2"]. */
  stressNg: string[];
  /** Code for each worker thread when stress-ng is missing; it gets workerData.until (epoch ms). */
  worker: { code: string; data: Record<string, unknown>; count: number };
}

/**
 * Runs a local stress for `seconds`, with stress-ng when it is installed (and allowed), else with
 * worker threads in this process. Waits until the stress ends. Interruption stops it at once:
 * stress-ng is killed (a revert is registered before it starts, so `faultline revert` kills it
 * after a hard kill too), worker threads are terminated.
 */
export async function runStress(
  plan: StressPlan,
  duration: number | string,
  useStressNg: 'auto' | boolean,
  ctx: ActivityContext,
): Promise<{ tool: 'stress-ng' | 'worker-threads'; seconds: number; pid?: number }> {
  const seconds = parseDuration(duration, 'duration');
  const stressNg = useStressNg === false ? undefined : findExecutable('stress-ng', { cwd: ctx.experimentDir });
  if (useStressNg === true && !stressNg)
    throw new ActivityFailedError('stress-ng is not installed (use_stress_ng: true)');
  if (stressNg) {
    const child = spawn(stressNg, [...plan.stressNg, '--timeout', `${seconds}s`, '--quiet'], { stdio: 'ignore' });
    const revert = ctx.registerRevert({
      title: `stop stress-ng (pid ${child.pid})`,
      driver: '@faultline/core',
      func: 'end_local_fault',
      arguments: { fault: 'stress-ng', pid: child.pid },
    });
    const stop = () => child.kill('SIGKILL');
    ctx.signal.addEventListener('abort', stop, { once: true });
    try {
      await new Promise<void>((resolve, reject) => {
        child.once('error', reject);
        child.once('exit', () => resolve());
      });
    } finally {
      ctx.signal.removeEventListener('abort', stop);
    }
    if (!ctx.signal.aborted) revert.done();
    return { tool: 'stress-ng', seconds, pid: child.pid };
  }
  const until = Date.now() + seconds * 1000;
  const workers = Array.from(
    { length: plan.worker.count },
    () => new Worker(plan.worker.code, { eval: true, workerData: { ...plan.worker.data, until } }),
  );
  const stop = () => workers.forEach((worker) => void worker.terminate());
  ctx.signal.addEventListener('abort', stop, { once: true });
  try {
    await Promise.all(workers.map((worker) => new Promise((resolve) => worker.once('exit', resolve))));
  } finally {
    ctx.signal.removeEventListener('abort', stop);
    stop();
  }
  return { tool: 'worker-threads', seconds };
}
