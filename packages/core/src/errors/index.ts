export * from './faultline-error.js';
export * from './exit-codes.js';
