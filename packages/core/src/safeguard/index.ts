export * from './collect-safeguards.js';
export * from './safeguard-monitor.js';
