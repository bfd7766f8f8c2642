export * from './safety-decision.js';
export * from './safety-refused-error.js';
export * from './safety-guard.js';
export * from './emit-fault-events.js';
