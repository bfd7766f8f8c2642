/** An error the API answers with `{"error": message, "status": code}`, as Toxiproxy does. */
export class ApiError extends Error {
  constructor(
    message: string,
    readonly status: number,
  ) {
    super(message);
    this.name = 'ApiError';
  }

  /** Toxiproxy's `joinError`: "bad request body: <detail>". */
  with(detail: string): ApiError {
    return new ApiError(`${this.message}: ${detail}`, this.status);
  }

  toJSON(): { error: string; status: number } {
    return { error: this.message, status: this.status };
  }
}

export const apiErrors = {
  badRequestBody: new ApiError('bad request body', 400),
  missingField: new ApiError('missing required field', 400),
  proxyNotFound: new ApiError('proxy not found', 404),
  proxyAlreadyExists: new ApiError('proxy already exists', 409),
  invalidStream: new ApiError('stream was invalid, can be either upstream or downstream', 400),
  invalidToxicType: new ApiError('invalid toxic type', 400),
  toxicAlreadyExists: new ApiError('toxic already exists', 409),
  toxicNotFound: new ApiError('toxic not found', 404),
  faultAlreadyExists: new ApiError('fault already exists', 409),
  faultNotFound: new ApiError('fault not found', 404),
  notHttpProxy: new ApiError('proxy is not an HTTP proxy: create it with "protocol": "http" to add HTTP faults', 400),
} as const;
