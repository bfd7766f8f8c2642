export * from './run-process-provider.js';
export * from './find-executable.js';
