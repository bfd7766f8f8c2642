import type { Driver } from '@faultline/core';
import { proxyActivities } from './proxy-activities.js';
import { proxyDriverName } from './proxy-driver-name.js';

/** The fault proxy's experiment activities; Chaos Toolkit's chaostoxi.* names resolve here. */
export const driver: Driver = {
  name: proxyDriverName,
  activities: proxyActivities,
  reverts: [
    'create_toxic',
    'update_toxic',
    'delete_toxic',
    'add_http_fault',
    'remove_http_fault',
    'delete_proxy',
    'modify_proxy',
    'restore_proxies',
  ],
};

/** Chaos Toolkit module prefixes this driver serves. */
export const pythonPrefixes = ['chaostoxi'] as const;

export { proxyActivities, proxyDriverName };
export { proxyUrl } from './client-for.js';
