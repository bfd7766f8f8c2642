/** A non-2xx answer from the proxy API, with Toxiproxy's `{error, status}` message when there is one. */
export class ProxyApiError extends Error {
  constructor(
    message: string,
    readonly status: number,
    readonly method: string,
    readonly path: string,
  ) {
    super(message);
    this.name = 'ProxyApiError';
  }
}
