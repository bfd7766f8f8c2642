import { z } from 'zod';
import { defineActivity } from '@faultline/core';
import { kubeArguments } from '../arguments/kube-arguments.js';
import { getKubeClient } from '../client/get-kube-client.js';
import { kubeFailure } from '../client/kube-api-error.js';
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
      const list = await client.events.listEventForAllNamespaces({
        limit: args.limit,
        ...(args.label_selector ? { labelSelector: args.label_selector } : {}),
        ...(args.field_selector ? { fieldSelector: args.field_selector } : {}),
      });
      return toPlainJson({ kind: 'EventList', apiVersion: 'events.k8s.io/v1', ...list });
    } catch (error) {
      throw kubeFailure('get_events: listing events', error);
    }
  },
});
