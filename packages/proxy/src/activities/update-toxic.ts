import { z } from 'zod';
import { defineActivity } from '@faultline/core';
import { apiCall } from './api-call.js';
import { clientFor } from './client-for.js';
import { dryRun } from './dry-run.js';
import { proxyArguments } from './proxy-arguments.js';
import { proxyDriverName } from './proxy-driver-name.js';

/** Changes a toxic's attributes or toxicity on live connections (reverted to the previous values). */
export const updateToxic = defineActivity({
  name: 'update_toxic',
  type: 'action',
  description: 'Change the attributes and/or toxicity of a toxic; open connections take the change without dropping.',
  mutating: true,
  arguments: z.strictObject({
    for_proxy: proxyArguments.for_proxy,
    toxic_name: proxyArguments.toxic_name,
    toxicity: z.number().min(0).max(1).optional(),
    attributes: z
      .record(z.string(), z.union([z.number(), z.string(), z.boolean()]))
      .optional()
      .describe('attributes to change; others keep their value'),
  }),
  async run(args, ctx) {
    const dry = dryRun(ctx, `update toxic ${args.toxic_name} of proxy ${args.for_proxy}`);
    if (dry) return dry;
    const client = clientFor(ctx);
    const before = await apiCall(`read toxic ${args.toxic_name}`, () => client.toxic(args.for_proxy, args.toxic_name));
    ctx.registerRevert({
      title: `restore toxic ${before.name} of proxy ${args.for_proxy}`,
      driver: proxyDriverName,
      func: 'update_toxic',
      arguments: {
        for_proxy: args.for_proxy,
        toxic_name: before.name,
        toxicity: before.toxicity,
        attributes: before.attributes,
      },
    });
    return apiCall(`update toxic ${args.toxic_name}`, () =>
      client.updateToxic(args.for_proxy, args.toxic_name, {
        ...(args.toxicity === undefined ? {} : { toxicity: args.toxicity }),
        ...(args.attributes === undefined ? {} : { attributes: args.attributes }),
      }),
    );
  },
});
