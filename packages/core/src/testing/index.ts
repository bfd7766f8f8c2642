export * from './create-test-context.js';
export * from './find-system-binary.js';
export * from './start-fake-internet.js';
export * from './postgres-server.js';
export * from './self-signed-cert.js';
export * from './until.js';
