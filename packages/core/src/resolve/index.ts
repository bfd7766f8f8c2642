export * from './activity-resolver.js';
