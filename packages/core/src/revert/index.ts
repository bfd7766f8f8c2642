export * from './revert-spec.js';
export * from './run-revert.js';
