import { z } from 'zod';
import { defineActivity } from '@faultline/core';
import { apiCall } from './api-call.js';
import { clientFor } from './client-for.js';
import { dryRun } from './dry-run.js';
import { proxyDriverName } from './proxy-driver-name.js';
import { snapshotProxy } from './proxy-snapshot.js';

/** Enables every proxy and removes every toxic and HTTP fault (reverted by restoring what was there). */
export const reset = defineActivity({
  name: 'reset',
  type: 'action',
  description: 'Enable all proxies and remove all toxics and HTTP faults.',
  python: ['chaostoxi.proxy.actions'],
  mutating: true,
  arguments: z.strictObject({}),
  async run(_args, ctx) {
    const dry = dryRun(ctx, 'reset every proxy');
    if (dry) return dry;
    const client = clientFor(ctx);
    const proxies = Object.values(await apiCall('list proxies', () => client.proxies()));
    const changed = proxies.filter((p) => !p.enabled || p.toxics.length > 0 || p.protocol === 'http');
    if (changed.length > 0) {
      ctx.registerRevert({
        title: `restore ${changed.length} proxies as they were before reset`,
        driver: proxyDriverName,
        func: 'restore_proxies',
        arguments: { proxies: await Promise.all(changed.map((p) => snapshotProxy(client, p))) },
      });
    }
    await apiCall('reset', () => client.reset());
    return true;
  },
});
