export * from './experiment-source.js';
export * from './load-experiment.js';
