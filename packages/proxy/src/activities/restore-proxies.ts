import { z } from 'zod';
import { defineActivity } from '@faultline/core';
import { clientFor } from './client-for.js';
import { dryRun } from './dry-run.js';
import { restoreSnapshots, type ProxySnapshot } from './proxy-snapshot.js';

const snapshot = z.looseObject({
  name: z.string().min(1),
  listen: z.string(),
  upstream: z.string().min(1),
  enabled: z.boolean(),
  protocol: z.literal('http').optional(),
  toxics: z.array(
    z.looseObject({
      name: z.string(),
      type: z.string(),
      stream: z.string(),
      toxicity: z.number(),
      attributes: z.record(z.string(), z.union([z.number(), z.string(), z.boolean()])),
    }),
  ),
  faults: z.array(z.looseObject({ name: z.string() })).optional(),
});

/** Puts proxies back as they were (listen, upstream, enabled, toxics, HTTP faults): the revert of delete and reset. */
export const restoreProxies = defineActivity({
  name: 'restore_proxies',
  type: 'action',
  description:
    'Recreate proxies with their toxics and HTTP faults exactly as recorded (used to revert delete_proxy and reset).',
  mutating: true,
  arguments: z.strictObject({
    proxies: z.array(snapshot).describe('proxies as GET /proxies/{name} shows them, with `faults` for HTTP proxies'),
  }),
  async run(args, ctx) {
    const dry = dryRun(ctx, `restore ${args.proxies.length} proxies`);
    if (dry) return dry;
    await restoreSnapshots(clientFor(ctx), args.proxies as unknown as ProxySnapshot[], ctx);
    return { restored: args.proxies.map((p) => p.name) };
  },
});
