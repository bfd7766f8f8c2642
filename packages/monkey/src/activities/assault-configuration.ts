import { defineActivity } from '@faultline/core';
import { assaultsConfiguration } from './assaults-configuration.js';

/** Singular spelling some experiments use; same probe as assaults_configuration. */
export const assaultConfiguration = defineActivity({
  ...assaultsConfiguration,
  name: 'assault_configuration',
  description: 'Alias of assaults_configuration.',
});
