export * from './resolve-configuration.js';
export * from './resolve-secrets.js';
