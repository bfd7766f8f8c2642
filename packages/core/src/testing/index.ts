export * from './create-test-context.js';
