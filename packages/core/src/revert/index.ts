export * from './revert-spec.js';
export * from './run-revert.js';
export * from './revert-journal.js';
export * from './manual-undo.js';
