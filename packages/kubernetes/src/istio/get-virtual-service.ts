import { z } from 'zod';
import { defineActivity } from '@faultline/core';
import { createVirtualServiceClient } from './create-virtual-service-client.js';
import { istioApiVersions } from './istio-api-versions.js';
import { istioArguments } from './istio-arguments.js';
import { readVirtualService } from './read-virtual-service.js';

/**
 * Reads a VirtualService. Returns chaosistio's shape, `{status, body, headers}`, without throwing on
 * 404, so existing tolerances such as `$.body.spec.http[0].fault` keep working.
 */
export const getVirtualService = defineActivity({
  name: 'get_virtual_service',
  type: 'probe',
  description: 'Read an Istio VirtualService: {status, body, headers} as the API answered.',
  python: ['chaosistio.fault.probes', 'chaosistio.fault.actions'],
  arguments: z.strictObject({
    virtual_service_name: istioArguments.virtual_service_name,
    ns: istioArguments.ns,
    version: istioArguments.version,
  }),
  async run(args, ctx) {
    const versions = istioApiVersions(args.version, ctx.configuration);
    const client = await createVirtualServiceClient(ctx);
    const { answer } = await readVirtualService(client, args.ns, args.virtual_service_name, versions);
    return answer;
  },
});
