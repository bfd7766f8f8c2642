export * from './format-label-selector.js';
