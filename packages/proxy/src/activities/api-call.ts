import { ActivityFailedError } from '@faultline/core';
import { ProxyApiError } from '../client/proxy-api-error.js';

const hints: Record<number, string> = {
  0: 'is the proxy API running? start it with `faultline proxy` and set faultline_proxy_url (or toxiproxy_host/toxiproxy_port) in the configuration',
  401: 'the API wants a token: put faultline_proxy_token in the experiment secrets',
  404: 'check the proxy / toxic / fault name (GET /proxies lists them)',
  409: 'it exists already: pick another name or delete it first',
  400: 'the API refused the arguments: see the message',
};

/** Runs an API call; turns its failure into an ActivityFailedError with a hint. */
export async function apiCall<T>(what: string, call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    if (!(error instanceof ProxyApiError)) throw error;
    throw new ActivityFailedError(`${what}: ${error.message}`, {
      code: error.status === 0 ? 'E_PROXY_UNREACHABLE' : 'E_PROXY_API',
      hint: hints[error.status] ?? 'see the message from the proxy API',
      cause: error,
    });
  }
}

/** True when the call failed because the thing is not there (404). */
export const isNotFound = (error: unknown): boolean =>
  error instanceof ActivityFailedError && error.cause instanceof ProxyApiError && error.cause.status === 404;

/** True when the call failed because the thing already exists (409): nothing was changed. */
export const isConflict = (error: unknown): boolean =>
  error instanceof ActivityFailedError && error.cause instanceof ProxyApiError && error.cause.status === 409;
