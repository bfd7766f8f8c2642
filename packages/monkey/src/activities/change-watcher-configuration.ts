import { defineActivity } from '@faultline/core';
import { z } from 'zod';
import { callActuator, connectionArguments, expectOk, revertConnection } from './actuator-client.js';
import { previousValues } from './previous-values.js';

export const changeWatcherConfiguration = defineActivity({
  name: 'change_watcher_configuration',
  type: 'action',
  description:
    "Change which layers the service's Chaos Monkey watches (POST /chaosmonkey/watchers); reverted to the values it replaced.",
  python: ['chaosspring.actions'],
  mutating: true,
  arguments: z.object({ ...connectionArguments, watchers_configuration: z.record(z.string(), z.unknown()) }),
  async run(args, ctx) {
    const current = expectOk(
      await callActuator(ctx, args, 'GET', 'chaosmonkey/watchers'),
      'Reading ChaosMonkey watchers',
    ).json() as Record<string, unknown>;
    const previous = previousValues(current, args.watchers_configuration);
    if (ctx.dryRun) {
      ctx.logger.info('dry run: would change Chaos Monkey watchers', {
        base_url: args.base_url,
        from: previous,
        to: args.watchers_configuration,
      });
      return 'dry run: watchers unchanged';
    }
    ctx.registerRevert({
      title: `restore Chaos Monkey watchers at ${args.base_url}`,
      driver: '@faultline/monkey',
      func: 'change_watcher_configuration',
      arguments: { ...revertConnection(args), watchers_configuration: previous },
    });
    return expectOk(
      await callActuator(ctx, args, 'POST', 'chaosmonkey/watchers', args.watchers_configuration),
      'Change ChaosMonkey Watcher Configuration',
    ).text;
  },
});
