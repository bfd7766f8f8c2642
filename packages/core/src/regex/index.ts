export * from './safe-regex.js';
