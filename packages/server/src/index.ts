export * from './start-server.js';
export * from './dashboard.js';
export * from './live-runs.js';
