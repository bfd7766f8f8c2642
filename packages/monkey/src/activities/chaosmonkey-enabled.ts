import { defineActivity } from '@faultline/core';
import { z } from 'zod';
import { connectionArguments, readEnabled } from './actuator-client.js';

export const chaosmonkeyEnabled = defineActivity({
  name: 'chaosmonkey_enabled',
  type: 'probe',
  description: 'Whether Chaos Monkey is enabled on the service (Node with @faultline/monkey, or Spring Boot 2.x/3.x).',
  python: ['chaosspring.probes'],
  arguments: z.object({ ...connectionArguments }),
  run: (args, ctx) => readEnabled(ctx, args),
});
