export * from './check-tolerance.js';
export * from './json-path-query.js';
export * from './python-regex.js';
export * from './python-equals.js';
export * from './tolerance-problems.js';
export * from './format-value.js';
