import { ActivityFailedError } from '@faultline/core';
import { ProxyApiError } from '../client/proxy-api-error.js';

/** Runs an API call; turns its failure into an ActivityFailedError with a hint. */
export async function apiCall<T>(what: string, call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    if (!(error instanceof ProxyApiError)) throw error;
    throw new ActivityFailedError(`${what}: ${error.message}`, {
      code: error.code,
      hint: error.hint,
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
