import { z } from 'zod';
import { defineActivity } from '../activity/activity-definition.js';
import { runHttpProvider } from '../provider/http/index.js';

/**
 * The seed's `chaosprobe.http.can_place_order` probe: send one request (typically POST JSON to an
 * orders endpoint) and report whether the expected status came back. Returns a boolean, so
 * `tolerance: true` reads naturally.
 */
export const canPlaceOrder = defineActivity({
  name: 'can_place_order',
  type: 'probe',
  description: 'Send a request (JSON body optional) and return true when the response has the expected status code',
  python: ['chaosprobe.http'],
  arguments: z.object({
    url: z.string().url(),
    method: z.string().default('POST'),
    json: z.unknown().optional(),
    headers: z.record(z.string(), z.string()).optional(),
    status_code: z.number().int().default(200),
    timeout: z.union([z.number(), z.string()]).default(10),
  }),
  async run(args, ctx) {
    const headers = { ...(args.headers ?? {}) };
    if (args.json !== undefined) headers['content-type'] ??= 'application/json';
    const response = await runHttpProvider(
      {
        type: 'http',
        url: args.url,
        method: args.method,
        headers,
        arguments: args.json as Record<string, unknown> | undefined,
        timeout: args.timeout,
      },
      { signal: ctx.signal },
    );
    ctx.logger.debug(`can_place_order: ${args.method} ${args.url} answered ${response.status}`);
    return response.status === args.status_code;
  },
});
