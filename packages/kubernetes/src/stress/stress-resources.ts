import { z } from 'zod';

const quantities = z.record(z.string(), z.union([z.string(), z.number()]).transform(String));

/**
 * `resources` of the stress container (requests/limits), for namespaces where a LimitRange or a
 * ResourceQuota requires them; the container's limits also cap what the stress can take.
 */
export const stressResources = z
  .strictObject({ requests: quantities.optional(), limits: quantities.optional() })
  .optional()
  .describe('requests/limits of the stress container, e.g. {limits: {cpu: "1", memory: "256Mi"}}');
