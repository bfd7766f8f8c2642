import type { DriverEntry } from '@faultline/core';

/**
 * Drivers the CLI can load. Each is imported only when an experiment names one of its modules
 * (the Kubernetes client alone takes ~0.9 s to import).
 */
export const knownDrivers: readonly DriverEntry[] = [
  {
    name: '@faultline/core',
    pythonPrefixes: ['chaosprobe', 'chaosdb', 'chaosaddons'],
    load: async () => (await import('@faultline/core/builtin')).driver,
  },
  {
    name: '@faultline/kubernetes',
    pythonPrefixes: ['chaosk8s', 'chaosistio'],
    aliases: ['kubernetes', 'istio'],
    load: async () => (await import('@faultline/kubernetes/activities')).driver,
  },
  {
    name: '@faultline/prometheus',
    pythonPrefixes: ['chaosprometheus'],
    aliases: ['prometheus'],
    load: async () => (await import('@faultline/prometheus/activities')).driver,
  },
  {
    name: '@faultline/proxy',
    pythonPrefixes: ['chaostoxi'],
    aliases: ['proxy', 'toxiproxy'],
    load: async () => (await import('@faultline/proxy/activities')).driver,
  },
  {
    name: '@faultline/monkey',
    pythonPrefixes: ['chaosspring'],
    aliases: ['monkey', 'spring'],
    load: async () => (await import('@faultline/monkey/activities')).driver,
  },
];
