export * from './experiment-source.js';
export * from './load-experiment-document.js';
export * from './input-limits.js';
export * from './fetch-experiment.js';
export * from './remote-code.js';
export * from './load-experiment.js';
export * from './experiment-base-dir.js';
