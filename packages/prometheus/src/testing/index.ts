export * from './free-port.js';
export * from './start-prometheus.js';
export * from './start-test-service.js';
