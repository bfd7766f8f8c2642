import { defineActivity } from '@faultline/core';
import { z } from 'zod';
import { callActuator, connectionArguments, expectOk, revertConnection } from './actuator-client.js';
import { previousValues } from './previous-values.js';

export const changeAssaultsConfiguration = defineActivity({
  name: 'change_assaults_configuration',
  type: 'action',
  description:
    "Change the assaults of the service's Chaos Monkey (POST /chaosmonkey/assaults); reverted to the values it replaced.",
  python: ['chaosspring.actions'],
  mutating: true,
  arguments: z.object({ ...connectionArguments, assaults_configuration: z.record(z.string(), z.unknown()) }),
  async run(args, ctx) {
    const current = expectOk(
      await callActuator(ctx, args, 'GET', 'chaosmonkey/assaults'),
      'Reading ChaosMonkey assaults',
    ).json() as Record<string, unknown>;
    const previous = previousValues(current, args.assaults_configuration);
    if (ctx.dryRun) {
      ctx.logger.info('dry run: would change Chaos Monkey assaults', {
        base_url: args.base_url,
        from: previous,
        to: args.assaults_configuration,
      });
      return 'dry run: assaults unchanged';
    }
    ctx.registerRevert({
      title: `restore Chaos Monkey assaults at ${args.base_url}`,
      driver: '@faultline/monkey',
      func: 'change_assaults_configuration',
      arguments: { ...revertConnection(args), assaults_configuration: previous },
    });
    return expectOk(
      await callActuator(ctx, args, 'POST', 'chaosmonkey/assaults', args.assaults_configuration),
      'Change ChaosMonkey Assaults Configuration',
    ).text;
  },
});
