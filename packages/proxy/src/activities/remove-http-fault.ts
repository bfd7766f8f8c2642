import { z } from 'zod';
import { defineActivity } from '@faultline/core';
import { apiCall, isNotFound } from './api-call.js';
import { clientFor } from './client-for.js';
import { dryRun } from './dry-run.js';
import { httpFaultArguments } from './http-fault-arguments.js';
import { proxyArguments } from './proxy-arguments.js';
import { proxyDriverName } from './proxy-driver-name.js';

/** Removes one HTTP fault, leaving the others (reverted by adding it back as it was). */
export const removeHttpFault = defineActivity({
  name: 'remove_http_fault',
  type: 'action',
  description: 'Remove one HTTP fault from a proxy (other faults stay); returns false if it was not there.',
  mutating: true,
  arguments: z.strictObject({ proxy_name: proxyArguments.proxy_name, fault_name: httpFaultArguments.fault_name }),
  async run(args, ctx) {
    const dry = dryRun(ctx, `remove HTTP fault ${args.fault_name} from proxy ${args.proxy_name}`);
    if (dry) return dry;
    const client = clientFor(ctx);
    let before;
    try {
      before = await apiCall(`read HTTP fault ${args.fault_name}`, () =>
        client.fault(args.proxy_name, args.fault_name),
      );
    } catch (error) {
      if (isNotFound(error)) return false;
      throw error;
    }
    ctx.registerRevert({
      title: `add HTTP fault ${before.name} back to proxy ${args.proxy_name}`,
      driver: proxyDriverName,
      func: 'add_http_fault',
      arguments: {
        proxy_name: args.proxy_name,
        fault_name: before.name,
        ...(before.delay ? { delay: before.delay } : {}),
        ...(before.abort ? { abort: before.abort } : {}),
        ...(before.match ? { match: before.match } : {}),
        ...(before.firstN === undefined ? {} : { first_n: before.firstN }),
      },
    });
    await apiCall(`remove HTTP fault ${args.fault_name}`, () => client.removeFault(args.proxy_name, args.fault_name));
    return true;
  },
});
