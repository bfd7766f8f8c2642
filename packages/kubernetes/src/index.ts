export * from './client/index.js';
export * from './safety/index.js';
export * from './selectors/index.js';
