import { exitCodes, FaultlineError } from '@faultline/core/errors';

const codeByStatus: Record<number, string> = {
  400: 'E_PROXY_BAD_REQUEST',
  401: 'E_PROXY_UNAUTHORIZED',
  404: 'E_PROXY_NOT_FOUND',
  405: 'E_PROXY_METHOD',
  409: 'E_PROXY_CONFLICT',
  413: 'E_PROXY_TOO_LARGE',
};

/**
 * An error the API answers with `{"error": message, "status": code}`, as Toxiproxy does. It is a
 * FaultlineError, so where it reaches the CLI (a --config proxy, a listen address) it prints its
 * hint and exits 64 for what the user can fix (4xx), 70 only for a fault of ours (5xx).
 */
export class ApiError extends FaultlineError {
  static override readonly brand: string = '@faultline/proxy/ApiError';

  constructor(
    message: string,
    readonly status: number,
    options: { code?: string; hint?: string; cause?: unknown } = {},
  ) {
    super(message, {
      code: options.code ?? codeByStatus[status] ?? (status < 500 ? 'E_PROXY_REQUEST' : 'E_PROXY_INTERNAL'),
      exitCode: status < 500 ? exitCodes.invalid : exitCodes.internal,
      hint: options.hint,
      cause: options.cause,
    });
  }

  /** Toxiproxy's `joinError`: "bad request body: <detail>" (code and hint kept). */
  with(detail: string): ApiError {
    return new ApiError(`${this.message}: ${detail}`, this.status, { code: this.code, hint: this.hint });
  }

  toJSON(): { error: string; status: number } {
    return { error: this.message, status: this.status };
  }
}

const fields = 'see docs/proxy.md for the fields of proxies, toxics and HTTP faults';

export const apiErrors = {
  badRequestBody: new ApiError('bad request body', 400, { hint: fields }),
  missingField: new ApiError('missing required field', 400, { hint: fields }),
  proxyNotFound: new ApiError('proxy not found', 404, { hint: 'GET /proxies lists the proxies' }),
  proxyAlreadyExists: new ApiError('proxy already exists', 409, { hint: 'pick another name or delete it first' }),
  invalidStream: new ApiError('stream was invalid, can be either upstream or downstream', 400),
  invalidToxicType: new ApiError('invalid toxic type', 400, {
    hint: 'latency, bandwidth, slow_close, timeout, reset_peer, slicer, limit_data, or a registered custom type',
  }),
  toxicAlreadyExists: new ApiError('toxic already exists', 409, { hint: 'pick another name or delete it first' }),
  toxicNotFound: new ApiError('toxic not found', 404, { hint: 'GET /proxies/<name>/toxics lists them' }),
  faultAlreadyExists: new ApiError('fault already exists', 409, { hint: 'pick another name or delete it first' }),
  faultNotFound: new ApiError('fault not found', 404, { hint: 'GET /proxies/<name>/faults lists them' }),
  notHttpProxy: new ApiError('proxy is not an HTTP proxy: create it with "protocol": "http" to add HTTP faults', 400),
  methodNotAllowed: new ApiError('method not allowed', 405),
  notFound: new ApiError('not found', 404),
} as const;
