export * from './experiment-schema.js';
export * from './problem.js';
export * from './validate-experiment.js';
export * from './check-environment.js';
export * from './check-runnable-shape.js';
