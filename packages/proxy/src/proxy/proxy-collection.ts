import { apiErrors } from '../server/api-error.js';
import type { ToxicRegistry } from '../toxics/toxic-registry.js';
import type { HttpFaultLayerFactory } from './http-fault-port.js';
import { Proxy, type ProxyProtocol } from './proxy.js';

/** What creates a proxy: the body of POST /proxies, one item of /populate or a config file. */
export interface ProxyInput {
  name: string;
  listen: string;
  upstream: string;
  enabled: boolean;
  protocol: ProxyProtocol;
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Validates one proxy body (Toxiproxy's checks and messages; `where` is " at proxy N" for /populate). */
export function parseProxyInput(body: unknown, where = ''): ProxyInput {
  if (!isRecord(body)) throw apiErrors.badRequestBody.with('expected a JSON object');
  const text = (key: string): string => {
    const value = body[key];
    if (value === undefined || value === null) return '';
    if (typeof value !== 'string') throw apiErrors.badRequestBody.with(`${key} must be a string`);
    return value;
  };
  const name = text('name');
  const upstream = text('upstream');
  const listen = text('listen');
  if (name === '') throw apiErrors.missingField.with(`name${where}`);
  if (upstream === '') throw apiErrors.missingField.with(`upstream${where}`);
  const enabled = body.enabled ?? true;
  if (typeof enabled !== 'boolean') throw apiErrors.badRequestBody.with('enabled must be a boolean');
  const protocol = body.protocol ?? 'tcp';
  if (protocol !== 'tcp' && protocol !== 'http')
    throw apiErrors.badRequestBody.with('protocol must be "tcp" or "http"');
  return { name, listen, upstream, enabled, protocol };
}

/** All proxies of a server, by name. */
export class ProxyCollection {
  private readonly proxies = new Map<string, Proxy>();

  constructor(
    private readonly registry: ToxicRegistry,
    private readonly httpLayer?: HttpFaultLayerFactory,
  ) {}

  list(): Proxy[] {
    return [...this.proxies.values()];
  }

  get(name: string): Proxy {
    const proxy = this.proxies.get(name);
    if (!proxy) throw apiErrors.proxyNotFound;
    return proxy;
  }

  has(name: string): boolean {
    return this.proxies.has(name);
  }

  async add(input: ProxyInput): Promise<Proxy> {
    if (this.proxies.has(input.name)) throw apiErrors.proxyAlreadyExists;
    const proxy = this.create(input);
    // Reserve the name while listening so concurrent creates conflict, as Toxiproxy's lock does.
    this.proxies.set(input.name, proxy);
    try {
      if (input.enabled) await proxy.start();
    } catch (error) {
      this.proxies.delete(input.name);
      throw error;
    }
    return proxy;
  }

  /** /populate: keep an identical proxy, replace a different one, create a new one. */
  async addOrReplace(input: ProxyInput): Promise<Proxy> {
    const existing = this.proxies.get(input.name);
    if (existing) {
      if (!existing.differs(input.listen, input.upstream) && existing.protocol === input.protocol) return existing;
      await existing.stop();
      this.proxies.delete(input.name);
    }
    return this.add(input);
  }

  async remove(name: string): Promise<void> {
    const proxy = this.get(name);
    this.proxies.delete(name);
    await proxy.stop();
  }

  async clear(): Promise<void> {
    for (const name of [...this.proxies.keys()]) await this.remove(name);
  }

  private create(input: ProxyInput): Proxy {
    return new Proxy({ ...input, registry: this.registry, httpLayer: this.httpLayer });
  }
}
