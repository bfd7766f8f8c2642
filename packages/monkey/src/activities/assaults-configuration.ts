import { defineActivity } from '@faultline/core';
import { z } from 'zod';
import { callActuator, connectionArguments, expectOk } from './actuator-client.js';

export const assaultsConfiguration = defineActivity({
  name: 'assaults_configuration',
  type: 'probe',
  description: "The current assaults configuration of the service's Chaos Monkey (GET /chaosmonkey/assaults).",
  python: ['chaosspring.probes'],
  arguments: z.object({ ...connectionArguments }),
  async run(args, ctx) {
    return expectOk(
      await callActuator(ctx, args, 'GET', 'chaosmonkey/assaults'),
      'ChaosMonkey assaults enquiry',
    ).json();
  },
});
