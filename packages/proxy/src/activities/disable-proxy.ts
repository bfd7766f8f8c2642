import { z } from 'zod';
import { defineActivity } from '@faultline/core';
import { changeProxy } from './modify-proxy.js';
import { proxyArguments } from './proxy-arguments.js';

/** Takes a proxy down: the proxied service looks unreachable (reverted by enabling it). */
export const disableProxy = defineActivity({
  name: 'disable_proxy',
  type: 'action',
  description: 'Disable a proxy (close its listener and connections) to simulate the service being down.',
  python: ['chaostoxi.proxy.actions'],
  mutating: true,
  arguments: z.strictObject({ proxy_name: proxyArguments.proxy_name }),
  run(args, ctx) {
    return changeProxy(ctx, args.proxy_name, { enabled: false });
  },
});
