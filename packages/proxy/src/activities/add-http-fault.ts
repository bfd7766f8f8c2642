import { z } from 'zod';
import { defineActivity } from '@faultline/core';
import type { HttpFaultJson } from '../http/http-fault.js';
import { httpFaultArguments } from './http-fault-arguments.js';
import { installHttpFault } from './install-http-fault.js';
import { proxyArguments } from './proxy-arguments.js';

/** Adds an HTTP fault in Istio's `fault` shape (reverted by removing it). */
export const addHttpFault = defineActivity({
  name: 'add_http_fault',
  type: 'action',
  description:
    'Add an HTTP fault to an HTTP proxy, as an Istio fault stanza: delay {fixedDelay, percentage}, abort {httpStatus, percentage, body}.',
  mutating: true,
  arguments: z.strictObject({
    proxy_name: proxyArguments.proxy_name,
    fault_name: httpFaultArguments.fault_name,
    delay: z
      .looseObject({ fixedDelay: z.union([z.string(), z.number()]) })
      .optional()
      .describe('Istio delay: {fixedDelay: "2s", percentage: {value: 50}}'),
    abort: z
      .looseObject({ httpStatus: z.number().int() })
      .optional()
      .describe('Istio abort: {httpStatus: 503, percentage: {value: 50}, body?}'),
    match: httpFaultArguments.match,
    first_n: httpFaultArguments.first_n,
  }),
  run(args, ctx) {
    const fault = {
      name: args.fault_name,
      ...(args.delay ? { delay: args.delay } : {}),
      ...(args.abort ? { abort: args.abort } : {}),
      ...(args.match ? { match: args.match } : {}),
      ...(args.first_n === undefined ? {} : { firstN: args.first_n }),
    } as Partial<HttpFaultJson> & { name: string };
    return installHttpFault(ctx, args.proxy_name, fault);
  },
});
