export * from './convert-to-type.js';
export * from './parse-var-flag.js';
export * from './load-var-file.js';
export * from './collect-vars.js';
