export * from './runs-dir.js';
export * from './run-state.js';
export * from './run-state-file.js';
export * from './process-identity.js';
export * from './list-runs.js';
export * from './stop-run.js';
export * from './rollbacks-digest.js';
export * from './play-owed-rollbacks.js';
