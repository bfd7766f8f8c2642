import { z } from 'zod';
import { defineActivity } from '@faultline/core';
import type { HttpMatch } from '../http/http-fault.js';
import { httpFaultArguments } from './http-fault-arguments.js';
import { installHttpFault } from './install-http-fault.js';
import { proxyArguments } from './proxy-arguments.js';

/** Answers a percentage of requests with an HTTP status, with chaosistio's add_abort_fault arguments. */
export const addHttpAbortFault = defineActivity({
  name: 'add_http_abort_fault',
  type: 'action',
  description:
    'Answer a percentage of the requests through an HTTP proxy with http_status (as chaosistio add_abort_fault, without a mesh).',
  mutating: true,
  arguments: z.strictObject({
    proxy_name: proxyArguments.proxy_name,
    http_status: httpFaultArguments.http_status,
    percentage: httpFaultArguments.percentage,
    body: z.string().optional().describe('response body (default "fault filter abort", as Envoy)'),
    match: httpFaultArguments.match,
    first_n: httpFaultArguments.first_n,
    fault_name: httpFaultArguments.fault_name.default('abort'),
  }),
  run(args, ctx) {
    return installHttpFault(ctx, args.proxy_name, {
      name: args.fault_name,
      abort: {
        httpStatus: args.http_status,
        percentage: { value: args.percentage },
        ...(args.body === undefined ? {} : { body: args.body }),
      },
      ...(args.match ? { match: (Array.isArray(args.match) ? args.match : [args.match]) as HttpMatch[] } : {}),
      ...(args.first_n === undefined ? {} : { firstN: args.first_n }),
    });
  },
});
