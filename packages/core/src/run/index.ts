export * from './run-options.js';
export * from './experiment-run.js';
export * from './run-provider.js';
export * from './revert-ledger.js';
export * from './journal-writer.js';
export * from './control-hooks.js';
