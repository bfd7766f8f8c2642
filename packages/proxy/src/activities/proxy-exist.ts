import { z } from 'zod';
import { defineActivity } from '@faultline/core';
import { apiCall } from './api-call.js';
import { clientFor } from './client-for.js';
import { proxyArguments } from './proxy-arguments.js';

/** True if the proxy exists. */
export const proxyExist = defineActivity({
  name: 'proxy_exist',
  type: 'probe',
  description: 'Tell whether a proxy of that name exists.',
  python: ['chaostoxi.proxy.probes'],
  arguments: z.strictObject({ proxy_name: proxyArguments.proxy_name }),
  async run(args, ctx) {
    const proxy = await apiCall(`read proxy ${args.proxy_name}`, () => clientFor(ctx).findProxy(args.proxy_name));
    return proxy?.name === args.proxy_name;
  },
});
