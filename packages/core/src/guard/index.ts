export * from './kubernetes-context.js';
export * from './check-environment-guards.js';
