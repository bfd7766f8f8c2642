export * from './get-kube-client.js';
export * from './kube-client.js';
export * from './load-kube-config.js';
export * from './kubernetes-settings.js';
export * from './rate-limiter.js';
export * from './map-limited.js';
export * from './paginate.js';
export * from './kube-api-error.js';
