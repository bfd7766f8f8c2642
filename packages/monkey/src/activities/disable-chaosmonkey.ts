import { defineActivity } from '@faultline/core';
import { z } from 'zod';
import { callActuator, connectionArguments, expectOk, readEnabled, revertConnection } from './actuator-client.js';

export const disableChaosmonkey = defineActivity({
  name: 'disable_chaosmonkey',
  type: 'action',
  description: 'Disable Chaos Monkey on the service; reverted by enabling it again if it was on.',
  python: ['chaosspring.actions'],
  mutating: true,
  arguments: z.object({ ...connectionArguments }),
  async run(args, ctx) {
    const wasEnabled = await readEnabled(ctx, args);
    if (ctx.dryRun) {
      ctx.logger.info('dry run: would disable Chaos Monkey', { base_url: args.base_url, wasEnabled });
      return `dry run: Chaos Monkey ${wasEnabled ? 'would be disabled' : 'already disabled'}`;
    }
    if (wasEnabled) {
      ctx.registerRevert({
        title: `re-enable Chaos Monkey at ${args.base_url}`,
        driver: '@faultline/monkey',
        func: 'enable_chaosmonkey',
        arguments: revertConnection(args),
      });
    }
    return expectOk(await callActuator(ctx, args, 'POST', 'chaosmonkey/disable'), 'Disable ChaosMonkey').text;
  },
});
