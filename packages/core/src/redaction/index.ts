export * from './create-redactor.js';
export * from './redact-experiment.js';
export * from './secret-configuration-keys.js';
export { isSensitiveKey, redactUrlCredentials, redacted as redactionPlaceholder } from './sensitive-keys.js';
