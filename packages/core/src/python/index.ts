export * from './find-python.js';
export * from './python-bridge.js';
export * from './python-error.js';
export * from './bridged-python.js';
