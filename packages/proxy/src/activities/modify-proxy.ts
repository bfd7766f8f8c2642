import { z } from 'zod';
import { defineActivity, type ActivityContext } from '@faultline/core';
import type { ProxyJson } from '../proxy/proxy.js';
import { apiCall } from './api-call.js';
import { clientFor } from './client-for.js';
import { dryRun } from './dry-run.js';
import { proxyArguments } from './proxy-arguments.js';
import { proxyDriverName } from './proxy-driver-name.js';

/** Shared by modify/enable/disable: records the previous fields as the revert, then changes them. */
export async function changeProxy(
  ctx: ActivityContext,
  name: string,
  change: Partial<Pick<ProxyJson, 'listen' | 'upstream' | 'enabled'>>,
): Promise<ProxyJson | { dry_run: true; would: string }> {
  const dry = dryRun(ctx, `modify proxy ${name}: ${JSON.stringify(change)}`);
  if (dry) return dry;
  const client = clientFor(ctx);
  const before = await apiCall(`read proxy ${name}`, () => client.proxy(name));
  const unchanged = (Object.keys(change) as Array<keyof typeof change>).every((k) => change[k] === before[k]);
  if (!unchanged) {
    ctx.registerRevert({
      title: `restore proxy ${name} (${before.enabled ? 'enabled' : 'disabled'}, ${before.listen} → ${before.upstream})`,
      driver: proxyDriverName,
      func: 'modify_proxy',
      arguments: {
        proxy_name: name,
        listen_address: before.listen,
        upstream_address: before.upstream,
        enabled: before.enabled,
      },
    });
  }
  return apiCall(`modify proxy ${name}`, () => client.updateProxy(name, change));
}

/** Changes a proxy's listen address, upstream or enabled state (reverted to the previous values). */
export const modifyProxy = defineActivity({
  name: 'modify_proxy',
  type: 'action',
  description: 'Change the listen address, upstream address or enabled state of a proxy; only given fields change.',
  python: ['chaostoxi.proxy.actions'],
  mutating: true,
  arguments: z.strictObject({
    proxy_name: proxyArguments.proxy_name,
    listen_address: z.string().min(1).optional().describe('host:port to listen on'),
    upstream_address: z.string().min(1).optional().describe('host:port of the upstream'),
    enabled: z.boolean().optional(),
  }),
  run(args, ctx) {
    return changeProxy(ctx, args.proxy_name, {
      ...(args.listen_address === undefined ? {} : { listen: args.listen_address }),
      ...(args.upstream_address === undefined ? {} : { upstream: args.upstream_address }),
      ...(args.enabled === undefined ? {} : { enabled: args.enabled }),
    });
  },
});
