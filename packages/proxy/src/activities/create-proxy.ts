import { z } from 'zod';
import { defineActivity } from '@faultline/core';
import { apiCall, isConflict } from './api-call.js';
import { clientFor } from './client-for.js';
import { dryRun } from './dry-run.js';
import { fromEnvironment, proxyArguments } from './proxy-arguments.js';
import { proxyDriverName } from './proxy-driver-name.js';

/** Creates a proxy (reverted by deleting it). */
export const createProxy = defineActivity({
  name: 'create_proxy',
  type: 'action',
  description: 'Create a proxy listening on listen_host:listen_port in front of upstream_host:upstream_port.',
  python: ['chaostoxi.proxy.actions'],
  mutating: true,
  arguments: z.strictObject({
    proxy_name: proxyArguments.proxy_name,
    upstream_host: z.string().min(1).describe('upstream host ("env:NAME" reads it from the environment)'),
    upstream_port: z
      .union([z.number().int().min(1).max(65535), z.string().min(1)])
      .describe('upstream port ("env:NAME" allowed)'),
    // chaostoolkit-toxiproxy defaults to 0.0.0.0; Faultline binds loopback unless told otherwise.
    listen_host: z.string().min(1).default('127.0.0.1').describe('address to listen on (default 127.0.0.1)'),
    listen_port: z.number().int().min(0).max(65535).default(0).describe('port to listen on; 0 picks a free one'),
    enabled: z.boolean().default(true),
    protocol: z.enum(['tcp', 'http']).default('tcp').describe('"http" enables HTTP faults on this proxy'),
  }),
  async run(args, ctx) {
    const upstream = `${fromEnvironment(args.upstream_host)}:${fromEnvironment(args.upstream_port)}`;
    const listen = `${args.listen_host}:${args.listen_port}`;
    const dry = dryRun(ctx, `create proxy ${args.proxy_name} on ${listen} → ${upstream}`);
    if (dry) return dry;
    const revert = ctx.registerRevert({
      title: `delete proxy ${args.proxy_name}`,
      driver: proxyDriverName,
      func: 'delete_proxy',
      arguments: { proxy_name: args.proxy_name },
    });
    try {
      const body = {
        name: args.proxy_name,
        listen,
        upstream,
        enabled: args.enabled,
        ...(args.protocol === 'http' ? { protocol: 'http' as const } : {}),
      };
      return await apiCall(`create proxy ${args.proxy_name}`, () => clientFor(ctx).createProxy(body));
    } catch (error) {
      // It already existed: it is not ours to delete.
      if (isConflict(error)) revert.done();
      throw error;
    }
  },
});
