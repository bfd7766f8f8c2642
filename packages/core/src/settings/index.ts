export * from './load-settings.js';
