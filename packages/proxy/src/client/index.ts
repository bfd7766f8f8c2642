export * from './proxy-client.js';
export * from './proxy-api-error.js';
export type { ProxyJson } from '../proxy/proxy.js';
export type { ToxicJson } from '../proxy/toxic-collection.js';
export type { HttpFaultJson, HttpMatch, StringMatch } from '../http/http-fault.js';
