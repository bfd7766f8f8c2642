import { z } from 'zod';
import { defineActivity } from '@faultline/core';
import { apiCall } from './api-call.js';
import { clientFor } from './client-for.js';
import { proxyArguments } from './proxy-arguments.js';

/** One field of a proxy (name, listen, upstream, enabled, toxics), or null if the proxy is missing. */
export const getProxyAttribute = defineActivity({
  name: 'get_proxy_attribute',
  type: 'probe',
  description: 'Read one attribute of a proxy: name, listen, upstream, enabled or toxics.',
  python: ['chaostoxi.proxy.probes'],
  arguments: z.strictObject({ proxy_name: proxyArguments.proxy_name, attribute: z.string().min(1) }),
  async run(args, ctx) {
    const proxy = await apiCall(`read proxy ${args.proxy_name}`, () => clientFor(ctx).findProxy(args.proxy_name));
    if (!proxy) return null;
    return (proxy as unknown as Record<string, unknown>)[args.attribute] ?? null;
  },
});
