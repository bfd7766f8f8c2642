import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ActuatorOptions } from '../actuator/actuator-options.js';
import type { ChaosMonkeyInstance } from '../monkey/monkey-types.js';
import { delay } from '../util/delay.js';
import { isUnder, pathOf } from '../util/request-path.js';

/** The few Fastify types the plugin touches; Fastify itself stays the app's dependency. */
interface FastifyRequestLike {
  raw: IncomingMessage;
  url: string;
  method: string;
}
interface FastifyReplyLike {
  raw: ServerResponse;
  hijack(): void;
  code(status: number): FastifyReplyLike;
  send(body: unknown): FastifyReplyLike;
}
interface FastifyLike {
  addHook(name: 'onRequest', hook: (req: FastifyRequestLike, reply: FastifyReplyLike) => Promise<unknown>): unknown;
}

export interface FastifyPluginOptions {
  /** Serve the Spring-compatible control API too (same options as `monkey.actuator`). */
  actuator?: ActuatorOptions;
}

export type FastifyPlugin = ((fastify: FastifyLike, options?: FastifyPluginOptions) => Promise<void>) & {
  [key: symbol]: unknown;
};

/**
 * `fastify.register(monkey.fastify, { actuator: { token } })`. Runs in an onRequest hook, before
 * the body is parsed, so the control API reads its own body from the raw request. Marked with
 * Fastify's skip-override symbol so the hook applies to every route, not only an encapsulated scope.
 */
export function createFastifyPlugin(monkey: ChaosMonkeyInstance): FastifyPlugin {
  const plugin = (async (fastify: FastifyLike, options: FastifyPluginOptions = {}) => {
    const actuator = options.actuator ? monkey.actuator(options.actuator) : undefined;
    fastify.addHook('onRequest', async (request, reply) => {
      const path = pathOf(request.url);
      if (actuator && isUnder(path, actuator.basePath)) {
        reply.hijack();
        await new Promise<void>((resolve) => {
          reply.raw.once('finish', resolve);
          reply.raw.once('close', resolve);
          actuator(request.raw, reply.raw, () => {
            reply.raw.statusCode = 404;
            reply.raw.end();
          });
        });
        return;
      }
      const server = (request.raw.socket as { server?: import('node:net').Server } | null)?.server;
      if (server) monkey.attachServer(server);
      const outcome = monkey.decide({ kind: 'controller', name: path, method: request.method });
      if (outcome === undefined) return;
      if (outcome.type === 'latency') {
        await delay(outcome.ms);
        return;
      }
      if (outcome.status === null) throw outcome.error;
      const body = outcome.body ?? { error: outcome.error.name, message: outcome.error.message, chaosMonkey: true };
      return reply.code(outcome.status).send(body);
    });
  }) as FastifyPlugin;
  plugin[Symbol.for('skip-override')] = true;
  plugin[Symbol.for('fastify.display-name')] = '@faultline/monkey';
  return plugin;
}
