import type { Driver } from '@faultline/core';
import { assaultConfiguration } from './assault-configuration.js';
import { assaultsConfiguration } from './assaults-configuration.js';
import { changeAssaultsConfiguration } from './change-assaults-configuration.js';
import { changeWatcherConfiguration } from './change-watcher-configuration.js';
import { chaosmonkeyEnabled } from './chaosmonkey-enabled.js';
import { disableChaosmonkey } from './disable-chaosmonkey.js';
import { enableChaosmonkey } from './enable-chaosmonkey.js';
import { watcherConfiguration } from './watcher-configuration.js';

/** Drives any service exposing the Chaos Monkey actuator API (Node with this package, or Spring Boot). */
export const driver: Driver = {
  name: '@faultline/monkey',
  activities: [
    enableChaosmonkey,
    disableChaosmonkey,
    changeAssaultsConfiguration,
    changeWatcherConfiguration,
    chaosmonkeyEnabled,
    assaultsConfiguration,
    assaultConfiguration,
    watcherConfiguration,
  ],
  reverts: [
    'enable_chaosmonkey',
    'disable_chaosmonkey',
    'change_assaults_configuration',
    'change_watcher_configuration',
  ],
};
