export * from './run-http-provider.js';
export { isJsonMediaType } from './build-http-request.js';
