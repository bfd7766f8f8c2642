import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { defineActivity } from '../activity/activity-definition.js';

/** The command line of a live process, or undefined when it is gone. */
function commandLineOf(pid: number): string | undefined {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'latin1').split('\0').join(' ');
  } catch {
    return undefined;
  }
}

/**
 * The revert of the local process faults: resumes processes a SIGSTOP froze (SIGCONT harms
 * nothing), or ends a stress-ng that Faultline started — only when that pid still runs stress-ng,
 * so a journal (forged, or replayed after the pid was reused) cannot make it kill anything else.
 */
export const endLocalFault = defineActivity({
  name: 'end_local_fault',
  type: 'action',
  description: 'Undo a local process fault: resume frozen pids, or stop a stress-ng Faultline started',
  arguments: z.discriminatedUnion('fault', [
    z.strictObject({ fault: z.literal('frozen'), pid: z.array(z.number().int().positive()).min(1) }),
    z.strictObject({ fault: z.literal('stress-ng'), pid: z.number().int().positive() }),
  ]),
  run(args) {
    const pids = args.fault === 'frozen' ? args.pid : [args.pid];
    const ended: number[] = [];
    for (const pid of pids) {
      const command = commandLineOf(pid);
      if (command === undefined) continue; // already gone: nothing to undo
      if (args.fault === 'stress-ng' && !/(^|\/)stress-ng(\s|$)/.test(command)) continue; // pid reused
      try {
        process.kill(pid, args.fault === 'frozen' ? 'SIGCONT' : 'SIGKILL');
        ended.push(pid);
      } catch {
        // exited meanwhile
      }
    }
    return { fault: args.fault, pids: ended };
  },
});
