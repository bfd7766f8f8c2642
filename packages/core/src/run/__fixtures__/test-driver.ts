import { z } from 'zod';
import { defineActivity } from '../../activity/activity-definition.js';
import type { DriverEntry } from '../../activity/driver.js';
import { ActivityResolver } from '../../resolve/activity-resolver.js';
import { abortableSleep } from '../../util/abortable-sleep.js';

/** A system under test the fixture activities act on: faults injected, calls made. */
export function createWorld() {
  const faults = new Set<string>();
  const calls: string[] = [];
  let value: unknown = 200;
  /** Removals that fail before one succeeds (an API server answering 500 for a while). */
  let failingRemovals = 0;

  const activities = [
    defineActivity({
      name: 'inject_fault',
      type: 'action',
      mutating: true,
      description: 'inject a named fault (registers its revert first)',
      python: ['chaosfixture.actions'],
      arguments: z.object({
        fault: z.string(),
        duration: z.number().default(0),
        undo_itself: z.boolean().default(false),
      }),
      async run(args, ctx) {
        calls.push(`inject:${args.fault}${ctx.dryRun ? ':dry' : ''}`);
        if (ctx.dryRun) return { would_inject: args.fault };
        const handle = ctx.registerRevert({
          title: `remove ${args.fault}`,
          driver: '@test/world',
          func: 'remove_fault',
          arguments: { fault: args.fault },
        });
        faults.add(args.fault);
        if (args.duration) await abortableSleep(args.duration * 1000, ctx.signal);
        if (args.undo_itself) {
          faults.delete(args.fault);
          handle.done();
        }
        return { injected: args.fault };
      },
    }),
    defineActivity({
      name: 'remove_fault',
      type: 'action',
      description: 'remove a named fault',
      python: ['chaosfixture.actions'],
      arguments: z.object({ fault: z.string() }),
      run(args) {
        calls.push(`remove:${args.fault}`);
        if (failingRemovals > 0) {
          failingRemovals--;
          throw new Error(`cannot remove ${args.fault}: HTTP 500`);
        }
        faults.delete(args.fault);
        return { removed: args.fault };
      },
    }),
    defineActivity({
      name: 'read_value',
      type: 'probe',
      description: 'return the current value of the world',
      python: ['chaosfixture.probes'],
      arguments: z.object({}),
      run() {
        calls.push('read');
        return value;
      },
    }),
    defineActivity({
      name: 'set_value',
      type: 'action',
      description: 'set the value probes read',
      python: ['chaosfixture.actions'],
      arguments: z.object({ value: z.unknown() }),
      run(args) {
        calls.push(`set:${JSON.stringify(args.value)}`);
        value = args.value;
        return value;
      },
    }),
    defineActivity({
      name: 'explode',
      type: 'action',
      description: 'throw',
      python: ['chaosfixture.actions'],
      arguments: z.object({ message: z.string().default('boom') }),
      run(args) {
        calls.push('explode');
        throw new Error(args.message);
      },
    }),
    defineActivity({
      name: 'wait',
      type: 'action',
      description: 'wait, honouring the abort signal',
      python: ['chaosfixture.actions'],
      arguments: z.object({ seconds: z.number() }),
      async run(args, ctx) {
        calls.push(`wait:${args.seconds}`);
        await abortableSleep(args.seconds * 1000, ctx.signal);
        calls.push(`waited:${args.seconds}${ctx.signal.aborted ? ':aborted' : ''}`);
        return args.seconds;
      },
    }),
  ];

  const entry: DriverEntry = {
    name: '@test/world',
    pythonPrefixes: ['chaosfixture'],
    aliases: ['world'],
    load: async () => ({ name: '@test/world', activities, reverts: ['remove_fault'] }),
  };
  return {
    faults,
    calls,
    setValue(v: unknown) {
      value = v;
    },
    failRemovals(count: number) {
      failingRemovals = count;
    },
    resolver: new ActivityResolver([entry]),
  };
}
