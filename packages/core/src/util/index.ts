export * from './abortable-sleep.js';
export * from './check-output-path.js';
export * from './error-message.js';
export * from './faultline-version.js';
export * from './long-timeout-signal.js';
export * from './nearest-names.js';
export * from './set-long-timeout.js';
export * from './strip-control-characters.js';
