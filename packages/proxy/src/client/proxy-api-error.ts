import { FaultlineError } from '@faultline/core/errors';

const hints: Record<number, string> = {
  0: 'is the proxy API running? start it with `faultline proxy` and set faultline_proxy_url (or toxiproxy_host/toxiproxy_port) in the configuration',
  401: 'the API wants a token: put faultline_proxy_token in the experiment secrets',
  404: 'check the proxy / toxic / fault name (GET /proxies lists them)',
  409: 'it exists already: pick another name or delete it first',
  400: 'the API refused the arguments: see the message',
};

/**
 * A non-2xx answer from the proxy API (status 0: no answer at all), with Toxiproxy's `{error,
 * status}` message when there is one, a stable code and a hint.
 */
export class ProxyApiError extends FaultlineError {
  static override readonly brand: string = '@faultline/proxy/ProxyApiError';

  constructor(
    message: string,
    readonly status: number,
    readonly method: string,
    readonly path: string,
  ) {
    super(message, {
      code: status === 0 ? 'E_PROXY_UNREACHABLE' : 'E_PROXY_API',
      hint: hints[status] ?? 'see the message from the proxy API',
    });
  }
}
