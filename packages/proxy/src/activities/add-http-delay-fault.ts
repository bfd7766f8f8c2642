import { z } from 'zod';
import { defineActivity } from '@faultline/core';
import type { HttpMatch } from '../http/http-fault.js';
import { httpFaultArguments } from './http-fault-arguments.js';
import { installHttpFault } from './install-http-fault.js';
import { proxyArguments } from './proxy-arguments.js';

/** Delays a percentage of requests through an HTTP proxy, with chaosistio's add_delay_fault arguments. */
export const addHttpDelayFault = defineActivity({
  name: 'add_http_delay_fault',
  type: 'action',
  description:
    'Delay a percentage of the requests through an HTTP proxy by fixed_delay (as chaosistio add_delay_fault, without a mesh).',
  mutating: true,
  arguments: z.strictObject({
    proxy_name: proxyArguments.proxy_name,
    fixed_delay: httpFaultArguments.fixed_delay,
    percentage: httpFaultArguments.percentage,
    match: httpFaultArguments.match,
    first_n: httpFaultArguments.first_n,
    fault_name: httpFaultArguments.fault_name.default('delay'),
  }),
  run(args, ctx) {
    return installHttpFault(ctx, args.proxy_name, {
      name: args.fault_name,
      delay: { fixedDelay: args.fixed_delay, percentage: { value: args.percentage } },
      ...(args.match ? { match: (Array.isArray(args.match) ? args.match : [args.match]) as HttpMatch[] } : {}),
      ...(args.first_n === undefined ? {} : { firstN: args.first_n }),
    });
  },
});
