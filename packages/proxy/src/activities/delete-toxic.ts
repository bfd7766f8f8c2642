import { z } from 'zod';
import { defineActivity } from '@faultline/core';
import { apiCall, isNotFound } from './api-call.js';
import { clientFor } from './client-for.js';
import { dryRun } from './dry-run.js';
import { proxyArguments } from './proxy-arguments.js';
import { proxyDriverName } from './proxy-driver-name.js';

/** Removes a toxic (reverted by adding it back as it was). */
export const deleteToxic = defineActivity({
  name: 'delete_toxic',
  type: 'action',
  description: 'Remove a toxic from a proxy; returns false if it was not there.',
  python: ['chaostoxi.toxic.actions'],
  mutating: true,
  arguments: z.strictObject({ for_proxy: proxyArguments.for_proxy, toxic_name: proxyArguments.toxic_name }),
  async run(args, ctx) {
    const dry = dryRun(ctx, `remove toxic ${args.toxic_name} from proxy ${args.for_proxy}`);
    if (dry) return dry;
    const client = clientFor(ctx);
    let before;
    try {
      before = await apiCall(`read toxic ${args.toxic_name}`, () => client.toxic(args.for_proxy, args.toxic_name));
    } catch (error) {
      // Like chaostoolkit-toxiproxy: a missing toxic is `false`, not a failure (rollbacks may race).
      if (isNotFound(error)) return false;
      throw error;
    }
    ctx.registerRevert({
      title: `add toxic ${before.name} back to proxy ${args.for_proxy}`,
      driver: proxyDriverName,
      func: 'create_toxic',
      arguments: {
        for_proxy: args.for_proxy,
        toxic_name: before.name,
        toxic_type: before.type,
        stream: before.stream,
        toxicity: before.toxicity,
        attributes: before.attributes,
      },
    });
    await apiCall(`remove toxic ${args.toxic_name}`, () => client.removeToxic(args.for_proxy, args.toxic_name));
    return true;
  },
});
