export * from './start-server.js';
export * from './dashboard.js';
export * from './live-runs.js';
export * from './library/experiment-library.js';
export * from './library/library-files.js';
