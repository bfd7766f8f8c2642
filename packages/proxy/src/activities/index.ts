import type { Driver } from '@faultline/core';
import { proxyActivities } from './proxy-activities.js';
import { proxyDriverName } from './proxy-driver-name.js';

/** The fault proxy's experiment activities; Chaos Toolkit's chaostoxi.* names resolve here. */
export const driver: Driver = { name: proxyDriverName, activities: proxyActivities };

/** Chaos Toolkit module prefixes this driver serves. */
export const pythonPrefixes = ['chaostoxi'] as const;

export { proxyActivities, proxyDriverName };
export { proxyUrl } from './client-for.js';
