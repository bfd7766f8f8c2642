import { z } from 'zod';
import { defineActivity } from '@faultline/core';
import { kubeArguments } from '../arguments/kube-arguments.js';
import { getKubeClient } from '../client/get-kube-client.js';
import { kubeFailure } from '../client/kube-api-error.js';
import { paginate } from '../client/paginate.js';
import type { EventsV1Event } from '@kubernetes/client-node';
import { toPlainJson } from '../client/to-plain-json.js';

/** Events (events.k8s.io/v1) across all namespaces as JSON, like chaosk8s. */
export const getEvents = defineActivity({
  name: 'get_events',
  type: 'probe',
  description: 'List Kubernetes events across namespaces, optionally filtered by label and field selectors.',
  python: ['chaosk8s.event.probes'],
  arguments: z.strictObject({
    label_selector: z.string().optional(),
    field_selector: z.string().optional().describe('e.g. "regarding.name=my-pod" or "reason=FaultInjected"'),
    limit: kubeArguments.integer(1).default(100),
  }),
  async run(args, ctx) {
    const client = await getKubeClient(ctx);
    try {
      // `limit` is how many events in all (as in chaosk8s), fetched page by page.
      const items: EventsV1Event[] = [];
      for await (const event of paginate(
        (page) =>
          client.events.listEventForAllNamespaces({
            ...(args.label_selector ? { labelSelector: args.label_selector } : {}),
            ...(args.field_selector ? { fieldSelector: args.field_selector } : {}),
            ...page,
            limit: Math.min(page.limit, args.limit - items.length),
          }),
        client.pageSize,
        ctx.signal,
      )) {
        items.push(event);
        if (items.length >= args.limit) break;
      }
      return toPlainJson({ kind: 'EventList', apiVersion: 'events.k8s.io/v1', metadata: {}, items });
    } catch (error) {
      throw kubeFailure('get_events: listing events', error);
    }
  },
});
