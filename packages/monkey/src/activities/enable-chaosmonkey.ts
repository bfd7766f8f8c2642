import { defineActivity } from '@faultline/core';
import { z } from 'zod';
import { callActuator, connectionArguments, expectOk, readEnabled, revertConnection } from './actuator-client.js';

export const enableChaosmonkey = defineActivity({
  name: 'enable_chaosmonkey',
  type: 'action',
  description: 'Enable Chaos Monkey on the service; reverted by disabling it again if it was off.',
  python: ['chaosspring.actions'],
  mutating: true,
  arguments: z.object({ ...connectionArguments }),
  async run(args, ctx) {
    const wasEnabled = await readEnabled(ctx, args);
    if (ctx.dryRun) {
      ctx.logger.info('dry run: would enable Chaos Monkey', { base_url: args.base_url, wasEnabled });
      return `dry run: Chaos Monkey ${wasEnabled ? 'already enabled' : 'would be enabled'}`;
    }
    if (!wasEnabled) {
      ctx.registerRevert({
        title: `disable Chaos Monkey at ${args.base_url}`,
        driver: '@faultline/monkey',
        func: 'disable_chaosmonkey',
        arguments: revertConnection(args),
      });
    }
    return expectOk(await callActuator(ctx, args, 'POST', 'chaosmonkey/enable'), 'Enable ChaosMonkey').text;
  },
});
