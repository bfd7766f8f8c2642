import { z } from 'zod';
import { defineActivity } from '@faultline/core';
import { apiCall } from './api-call.js';
import { clientFor } from './client-for.js';
import { dryRun } from './dry-run.js';
import { proxyArguments } from './proxy-arguments.js';
import { proxyDriverName } from './proxy-driver-name.js';
import { snapshotProxy } from './proxy-snapshot.js';

/** Deletes a proxy (reverted by recreating it with its toxics and faults). */
export const deleteProxy = defineActivity({
  name: 'delete_proxy',
  type: 'action',
  description: 'Remove a proxy; its connections close.',
  python: ['chaostoxi.proxy.actions'],
  mutating: true,
  arguments: z.strictObject({ proxy_name: proxyArguments.proxy_name }),
  async run(args, ctx) {
    const dry = dryRun(ctx, `delete proxy ${args.proxy_name}`);
    if (dry) return dry;
    const client = clientFor(ctx);
    const current = await apiCall(`read proxy ${args.proxy_name}`, () => client.findProxy(args.proxy_name));
    if (!current) {
      // chaostoolkit-toxiproxy only warns here; so do we (rollbacks delete what may be gone).
      ctx.logger.warn(`proxy ${args.proxy_name} does not exist: nothing to delete`);
      return null;
    }
    ctx.registerRevert({
      title: `recreate proxy ${args.proxy_name}`,
      driver: proxyDriverName,
      func: 'restore_proxies',
      arguments: { proxies: [await snapshotProxy(client, current)] },
    });
    await apiCall(`delete proxy ${args.proxy_name}`, () => client.deleteProxy(args.proxy_name));
    return null;
  },
});
