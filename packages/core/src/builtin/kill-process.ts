import { constants } from 'node:os';
import { z } from 'zod';
import { defineActivity } from '../activity/activity-definition.js';
import { ActivityFailedError } from '../errors/faultline-error.js';
import { findProcesses } from './find-processes.js';

const signals = Object.keys(constants.signals) as [string, ...string[]];

/**
 * Sends a signal to local processes named by pid, pid file, name or listening port: the laptop
 * analogue of terminating a pod (SIGTERM, or SIGKILL for a crash). A killed process cannot be
 * brought back by Faultline (its supervisor does that, as a ReplicaSet does), so only SIGSTOP
 * registers a revert: SIGCONT to the same pids (end_local_fault), so a frozen process never stays frozen.
 */
export const killProcess = defineActivity({
  name: 'kill_process',
  type: 'action',
  mutating: true,
  description: 'Send a signal (default SIGTERM) to local processes given by pid, pid_file, name or listening port',
  arguments: z
    .strictObject({
      pid: z.union([z.number().int().positive(), z.array(z.number().int().positive()).min(1)]).optional(),
      pid_file: z.string().min(1).optional(),
      name: z.string().min(1).optional().describe('executable or script name, e.g. "nginx" or "server.js"'),
      port: z.number().int().min(1).max(65535).optional().describe('kill whatever listens on this TCP port'),
      signal: z.enum(signals).default('SIGTERM'),
      allow_none: z.boolean().default(false).describe('succeed when nothing matches (default: fail)'),
    })
    .refine((a) => a.pid !== undefined || a.pid_file || a.name || a.port !== undefined, {
      message: 'name the processes: pid, pid_file, name or port',
    }),
  async run(args, ctx) {
    const pids = await findProcesses(args);
    if (!pids.length && !args.allow_none) throw new ActivityFailedError(`no process matches ${describe(args)}`);
    if (ctx.dryRun) return { dry_run: true, pids, signal: args.signal };
    if (args.signal === 'SIGSTOP')
      ctx.registerRevert({
        title: `resume (SIGCONT) pid ${pids.join(', ')}`,
        driver: '@faultline/core',
        func: 'end_local_fault',
        arguments: { fault: 'frozen', pid: pids },
      });
    const signalled: number[] = [];
    const gone: number[] = [];
    for (const pid of pids) {
      try {
        process.kill(pid, args.signal as NodeJS.Signals);
        signalled.push(pid);
      } catch (error) {
        // Already gone is fine (a revert after the process exited); anything else is a failure.
        if ((error as NodeJS.ErrnoException).code !== 'ESRCH')
          throw new ActivityFailedError(`kill ${args.signal} ${pid}: ${(error as Error).message}`);
        gone.push(pid);
      }
    }
    ctx.logger.info(`kill_process: ${args.signal} sent to ${signalled.join(', ') || 'no process'}`);
    return { signal: args.signal, pids: signalled, gone };
  },
});

function describe(args: { pid?: number | number[]; pid_file?: string; name?: string; port?: number }): string {
  return Object.entries({ pid: args.pid, pid_file: args.pid_file, name: args.name, port: args.port })
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => `${k} ${JSON.stringify(v)}`)
    .join(', ');
}
