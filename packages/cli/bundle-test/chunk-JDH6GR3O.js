import { createRequire as __cr } from 'module'; const require = __cr(import.meta.url);

// packages/cli/dist/known-drivers.js
var knownDrivers = [
  { name: "@faultline/core", pythonPrefixes: ["chaosprobe", "chaosdb"], load: async () => (await import("./builtin-OG6MQE7W.js")).driver },
  { name: "@faultline/kubernetes", pythonPrefixes: ["chaosk8s", "chaosistio"], aliases: ["kubernetes", "istio"], load: async () => (await import("@faultline/kubernetes/activities")).driver },
  { name: "@faultline/prometheus", pythonPrefixes: ["chaosprometheus"], aliases: ["prometheus"], load: async () => (await import("./activities-VNE6NOT3.js")).driver },
  { name: "@faultline/proxy", pythonPrefixes: ["chaostoxi"], aliases: ["proxy", "toxiproxy"], load: async () => (await import("@faultline/proxy/activities")).driver },
  { name: "@faultline/monkey", pythonPrefixes: ["chaosspring"], aliases: ["monkey", "spring"], load: async () => (await import("./activities-2IKBQ77X.js")).driver }
];

export {
  knownDrivers
};
