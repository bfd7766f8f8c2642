import type { Proxy } from '../proxy/proxy.js';
import { parseProxyInput, type ProxyCollection } from '../proxy/proxy-collection.js';
import { ApiError, apiErrors } from './api-error.js';

/**
 * /populate and config files: validates every proxy first, then creates or replaces them in
 * order. On a failure the error carries the proxies done so far (Toxiproxy's response).
 */
export async function populate(collection: ProxyCollection, input: unknown): Promise<Proxy[]> {
  if (!Array.isArray(input)) throw apiErrors.badRequestBody.with('expected a JSON array of proxies');
  const parsed = input.map((item, i) => parseProxyInput(item, ` at proxy ${i + 1}`));
  const done: Proxy[] = [];
  for (const proxyInput of parsed) {
    try {
      done.push(await collection.addOrReplace(proxyInput));
    } catch (error) {
      throw new PopulateError(
        error instanceof ApiError
          ? error
          : new ApiError(String((error as Error).message ?? error), 500, { cause: error }),
        done,
      );
    }
  }
  return done;
}

/** A failed /populate: the error of the proxy that failed, and the proxies done before it. */
export class PopulateError extends ApiError {
  static override readonly brand: string = '@faultline/proxy/PopulateError';
  constructor(
    override readonly cause: ApiError,
    readonly proxies: Proxy[],
  ) {
    super(cause.message, cause.status, { code: cause.code, hint: cause.hint, cause });
  }
}
