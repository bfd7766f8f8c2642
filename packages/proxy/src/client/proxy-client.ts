import type { HttpFaultJson } from '../http/http-fault.js';
import type { ProxyJson } from '../proxy/proxy.js';
import type { ToxicJson } from '../proxy/toxic-collection.js';
import type { ToxicAttributes } from '../toxics/toxic.js';
import { ProxyApiError } from './proxy-api-error.js';

export interface CreateProxyBody {
  name: string;
  upstream: string;
  listen?: string;
  enabled?: boolean;
  protocol?: 'tcp' | 'http';
}

export interface CreateToxicBody {
  type: string;
  name?: string;
  stream?: 'upstream' | 'downstream';
  toxicity?: number;
  attributes?: ToxicAttributes;
}

export interface ProxyClientOptions {
  /** Sent as `Authorization: Bearer <token>` (servers started with --token). */
  token?: string;
  /** Per-request timeout in ms (default 10 s). */
  timeoutMs?: number;
  /** Aborts requests in flight (e.g. the activity's signal). */
  signal?: AbortSignal;
}

/** Typed client of the fault proxy's API (works against Toxiproxy too, except /faults). */
export class ProxyClient {
  readonly url: string;

  constructor(
    url = 'http://127.0.0.1:8474',
    private readonly options: ProxyClientOptions = {},
  ) {
    this.url = url.replace(/\/+$/, '');
  }

  async version(): Promise<string> {
    const answer = await this.request<{ version: string }>('GET', '/version');
    return answer.version;
  }

  proxies(): Promise<Record<string, ProxyJson>> {
    return this.request('GET', '/proxies');
  }

  proxy(name: string): Promise<ProxyJson> {
    return this.request('GET', `/proxies/${encodeURIComponent(name)}`);
  }

  /** The proxy, or undefined on 404. */
  async findProxy(name: string): Promise<ProxyJson | undefined> {
    try {
      return await this.proxy(name);
    } catch (error) {
      if (error instanceof ProxyApiError && error.status === 404) return undefined;
      throw error;
    }
  }

  createProxy(body: CreateProxyBody): Promise<ProxyJson> {
    return this.request('POST', '/proxies', body);
  }

  updateProxy(name: string, body: Partial<Pick<ProxyJson, 'listen' | 'upstream' | 'enabled'>>): Promise<ProxyJson> {
    return this.request('PATCH', `/proxies/${encodeURIComponent(name)}`, body);
  }

  async deleteProxy(name: string): Promise<void> {
    await this.request('DELETE', `/proxies/${encodeURIComponent(name)}`);
  }

  async populate(proxies: CreateProxyBody[]): Promise<ProxyJson[]> {
    return (await this.request<{ proxies: ProxyJson[] }>('POST', '/populate', proxies)).proxies;
  }

  async reset(): Promise<void> {
    await this.request('POST', '/reset');
  }

  toxics(proxy: string): Promise<ToxicJson[]> {
    return this.request('GET', `/proxies/${encodeURIComponent(proxy)}/toxics`);
  }

  toxic(proxy: string, name: string): Promise<ToxicJson> {
    return this.request('GET', `/proxies/${encodeURIComponent(proxy)}/toxics/${encodeURIComponent(name)}`);
  }

  addToxic(proxy: string, body: CreateToxicBody): Promise<ToxicJson> {
    return this.request('POST', `/proxies/${encodeURIComponent(proxy)}/toxics`, body);
  }

  updateToxic(
    proxy: string,
    name: string,
    body: { toxicity?: number; attributes?: ToxicAttributes },
  ): Promise<ToxicJson> {
    return this.request('PATCH', `/proxies/${encodeURIComponent(proxy)}/toxics/${encodeURIComponent(name)}`, body);
  }

  async removeToxic(proxy: string, name: string): Promise<void> {
    await this.request('DELETE', `/proxies/${encodeURIComponent(proxy)}/toxics/${encodeURIComponent(name)}`);
  }

  faults(proxy: string): Promise<HttpFaultJson[]> {
    return this.request('GET', `/proxies/${encodeURIComponent(proxy)}/faults`);
  }

  fault(proxy: string, name: string): Promise<HttpFaultJson> {
    return this.request('GET', `/proxies/${encodeURIComponent(proxy)}/faults/${encodeURIComponent(name)}`);
  }

  addFault(proxy: string, body: Partial<HttpFaultJson>): Promise<HttpFaultJson> {
    return this.request('POST', `/proxies/${encodeURIComponent(proxy)}/faults`, body);
  }

  updateFault(proxy: string, name: string, body: Partial<HttpFaultJson>): Promise<HttpFaultJson> {
    return this.request('PATCH', `/proxies/${encodeURIComponent(proxy)}/faults/${encodeURIComponent(name)}`, body);
  }

  async removeFault(proxy: string, name: string): Promise<void> {
    await this.request('DELETE', `/proxies/${encodeURIComponent(proxy)}/faults/${encodeURIComponent(name)}`);
  }

  private async request<T>(method: string, path: string, body?: unknown): Promise<T> {
    const headers: Record<string, string> = {};
    if (body !== undefined) headers['content-type'] = 'application/json';
    if (this.options.token) headers.authorization = `Bearer ${this.options.token}`;
    const timeout = AbortSignal.timeout(this.options.timeoutMs ?? 10_000);
    const signal = this.options.signal ? AbortSignal.any([this.options.signal, timeout]) : timeout;
    let res: Response;
    try {
      res = await fetch(`${this.url}${path}`, {
        method,
        headers,
        body: body === undefined ? undefined : JSON.stringify(body),
        signal,
      });
    } catch (error) {
      const reason =
        error instanceof Error ? ((error.cause as Error | undefined)?.message ?? error.message) : String(error);
      throw new ProxyApiError(`${method} ${this.url}${path}: ${reason}`, 0, method, path);
    }
    const text = await res.text();
    let json: unknown;
    try {
      json = text === '' ? undefined : JSON.parse(text);
    } catch {
      json = undefined;
    }
    if (!res.ok) {
      const message =
        json && typeof json === 'object' && typeof (json as { error?: unknown }).error === 'string'
          ? (json as { error: string }).error
          : text.trim();
      throw new ProxyApiError(
        `${method} ${path}: HTTP ${res.status}${message ? `: ${message}` : ''}`,
        res.status,
        method,
        path,
      );
    }
    return json as T;
  }
}
