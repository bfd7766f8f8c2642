import { defineActivity } from '@faultline/core';
import { z } from 'zod';
import { callActuator, connectionArguments, expectOk } from './actuator-client.js';

export const watcherConfiguration = defineActivity({
  name: 'watcher_configuration',
  type: 'probe',
  description: "The current watcher configuration of the service's Chaos Monkey (GET /chaosmonkey/watchers).",
  python: ['chaosspring.probes'],
  arguments: z.object({ ...connectionArguments }),
  async run(args, ctx) {
    // chaostoolkit-spring asks for /watcher, which Spring Boot's monkey never served: ask for
    // /watchers, and fall back to the singular for services that only know that.
    let answer = await callActuator(ctx, args, 'GET', 'chaosmonkey/watchers');
    if (answer.status === 404) answer = await callActuator(ctx, args, 'GET', 'chaosmonkey/watcher');
    return expectOk(answer, 'ChaosMonkey watcher enquiry').json();
  },
});
