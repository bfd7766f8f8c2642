export * from './activity-permissions.js';
export * from './experiment-permissions.js';
export * from './run-doctor.js';
export * from './format-doctor-report.js';
