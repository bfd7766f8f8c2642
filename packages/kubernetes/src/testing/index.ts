export * from './fake-api-server.js';
export * from './resource-store.js';
export * from './resource-registry.js';
export * from './resource-types.js';
export * from './status-error.js';
export * from './fake-reconciler.js';
export * from './fake-objects.js';
export * from './self-signed-cert.js';
