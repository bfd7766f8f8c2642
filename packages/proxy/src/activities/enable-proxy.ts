import { z } from 'zod';
import { defineActivity } from '@faultline/core';
import { changeProxy } from './modify-proxy.js';
import { proxyArguments } from './proxy-arguments.js';

/** Brings a disabled proxy back (reverted by disabling it again, if it was disabled). */
export const enableProxy = defineActivity({
  name: 'enable_proxy',
  type: 'action',
  description: 'Enable a disabled proxy.',
  python: ['chaostoxi.proxy.actions'],
  mutating: true,
  arguments: z.strictObject({ proxy_name: proxyArguments.proxy_name }),
  run(args, ctx) {
    return changeProxy(ctx, args.proxy_name, { enabled: true });
  },
});
