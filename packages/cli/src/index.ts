export * from './main.js';
export * from './cli-io.js';
export * from './exit-code-for.js';
