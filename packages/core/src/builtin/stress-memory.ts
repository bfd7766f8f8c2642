import { z } from 'zod';
import { defineActivity } from '../activity/activity-definition.js';
import { ActivityFailedError } from '../errors/faultline-error.js';
import { runStress } from './run-stress.js';
import { stressArguments } from './stress-arguments.js';

// Allocate, touch every page so the memory is really resident, hold until the deadline.
const hold = `const { until, bytes } = require('node:worker_threads').workerData;
const block = Buffer.alloc(bytes);
for (let i = 0; i < bytes; i += 4096) block[i] = 1;
const wait = () => (Date.now() < until ? setTimeout(wait, Math.min(200, until - Date.now())) : block.length);
wait();`;

const units: Record<string, number> = { '': 1, B: 1, K: 1024, M: 1024 ** 2, G: 1024 ** 3 };

/** "256M", "1G", "512k" or a number of bytes. */
export function parseSize(value: string | number): number {
  if (typeof value === 'number') return value;
  const match = /^(\d+(?:\.\d+)?)\s*([bkmg]?)(?:i?b)?$/i.exec(value.trim());
  if (!match) throw new ActivityFailedError(`size "${value}" is not a size like "256M" or "1G"`);
  return Math.round(Number(match[1]) * units[match[2].toUpperCase()]);
}

/**
 * Memory pressure on the local machine for a duration: stress-ng --vm 1 --vm-bytes SIZE --vm-keep
 * when installed, else a worker thread that allocates SIZE, touches every page and holds it.
 */
export const stressMemory = defineActivity({
  name: 'stress_memory',
  type: 'action',
  mutating: true,
  description:
    'Hold SIZE of memory on the local machine for a duration (stress-ng when installed, else a worker thread)',
  arguments: z.strictObject({
    size: z
      .union([z.number().int().positive(), z.string().min(1)])
      .default('256M')
      .describe('bytes, or "256M", "1G"'),
    ...stressArguments,
  }),
  async run(args, ctx) {
    const bytes = parseSize(args.size);
    if (ctx.dryRun) return { dry_run: true, bytes, duration: args.duration };
    return {
      bytes,
      ...(await runStress(
        {
          stressNg: ['--vm', '1', '--vm-bytes', String(bytes), '--vm-keep'],
          worker: { code: hold, data: { bytes }, count: 1 },
        },
        args.duration,
        args.use_stress_ng,
        ctx,
      )),
    };
  },
});
