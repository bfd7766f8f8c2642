import type { ProxyCollection } from '../proxy/proxy-collection.js';
import { parseProxyInput } from '../proxy/proxy-collection.js';
import type { Proxy } from '../proxy/proxy.js';
import { faultlineVersion as version } from '@faultline/core/util';
import { ApiError, apiErrors } from './api-error.js';
import { metricsText } from './metrics-text.js';
import { populate, PopulateError } from './populate.js';

export interface Answer {
  status: number;
  json?: unknown;
  text?: string;
  contentType?: string;
}

type Body = { raw: string } | undefined;

function parseJson(body: Body): unknown {
  const raw = body?.raw ?? '';
  if (raw.trim() === '') throw apiErrors.badRequestBody.with('EOF');
  try {
    return JSON.parse(raw);
  } catch (error) {
    throw apiErrors.badRequestBody.with((error as Error).message);
  }
}

const methodNotAllowed = (): never => {
  throw apiErrors.methodNotAllowed;
};

/** What /proxies/{name}/toxics and /proxies/{name}/faults both are: a named list of one proxy. */
interface ItemCollection {
  list(): unknown;
  get(name: string): unknown;
  add(input: unknown): unknown;
  update(name: string, input: unknown): unknown;
  remove(name: string): unknown;
}

/** One proxy's toxics (`created` 200, as Toxiproxy) or HTTP faults (201). */
function subCollection(proxy: Proxy, sub: string | undefined): { items: ItemCollection; created: number } {
  if (sub === 'toxics') return { items: proxy.toxics, created: 200 };
  if (sub !== 'faults') throw apiErrors.notFound;
  if (!proxy.http) throw apiErrors.notHttpProxy;
  return { items: proxy.http.faults, created: 201 };
}

/** GET/POST on the list, GET/POST/PATCH/DELETE on one item. */
async function itemRoute(
  { items, created }: { items: ItemCollection; created: number },
  method: string,
  item: string | undefined,
  body: Body,
): Promise<Answer> {
  if (item === undefined) {
    if (method === 'GET') return { status: 200, json: items.list() };
    if (method !== 'POST') methodNotAllowed();
    return { status: created, json: await items.add(parseJson(body)) };
  }
  if (method === 'GET') return { status: 200, json: items.get(item) };
  if (method === 'DELETE') {
    await items.remove(item);
    return { status: 204 };
  }
  if (method !== 'POST' && method !== 'PATCH') methodNotAllowed();
  return { status: 200, json: await items.update(item, parseJson(body)) };
}

/** Toxiproxy's routes (same paths, methods, shapes and codes) plus /proxies/{name}/faults. */
export async function route(collection: ProxyCollection, method: string, path: string, body: Body): Promise<Answer> {
  let parts: string[];
  try {
    parts = path.split('/').filter(Boolean).map(decodeURIComponent);
  } catch {
    throw new ApiError(`bad request path: ${path}`, 400);
  }
  const [root, name, sub, item] = parts;
  if (parts.length === 1 && root === 'version') {
    if (method !== 'GET') methodNotAllowed();
    return { status: 200, text: `${JSON.stringify({ version })}\n`, contentType: 'application/json;charset=utf-8' };
  }
  if (parts.length === 1 && root === 'metrics') {
    return {
      status: 200,
      text: metricsText(collection.list()),
      contentType: 'text/plain; version=0.0.4; charset=utf-8',
    };
  }
  if (parts.length === 1 && root === 'reset') {
    if (method !== 'POST') methodNotAllowed();
    for (const proxy of collection.list()) {
      await proxy.start();
      await proxy.toxics.reset();
      proxy.http?.faults.reset();
    }
    return { status: 204 };
  }
  if (parts.length === 1 && root === 'populate') {
    if (method !== 'POST') methodNotAllowed();
    try {
      const proxies = await populate(collection, parseJson(body));
      return { status: 201, json: { proxies: proxies.map((p) => p.toJSON()) } };
    } catch (error) {
      if (!(error instanceof PopulateError)) throw error;
      return {
        status: error.cause.status,
        json: { ...error.cause.toJSON(), proxies: error.proxies.map((p) => p.toJSON()) },
      };
    }
  }
  if (root !== 'proxies') throw apiErrors.notFound;

  if (parts.length === 1) {
    if (method === 'GET')
      return { status: 200, json: Object.fromEntries(collection.list().map((p) => [p.name, p.toJSON()])) };
    if (method !== 'POST') methodNotAllowed();
    const proxy = await collection.add(parseProxyInput(parseJson(body)));
    return { status: 201, json: proxy.toJSON() };
  }

  const proxy = collection.get(name);
  if (parts.length === 2) {
    if (method === 'GET') return { status: 200, json: proxy.toJSON() };
    if (method === 'DELETE') {
      await collection.remove(name);
      return { status: 204 };
    }
    if (method !== 'POST' && method !== 'PATCH') methodNotAllowed();
    const input = parseJson(body);
    if (typeof input !== 'object' || input === null || Array.isArray(input))
      throw apiErrors.badRequestBody.with('expected a JSON object');
    const fields = input as Record<string, unknown>;
    const listen = fields.listen ?? proxy.listen;
    const upstream = fields.upstream ?? proxy.upstream;
    const enabled = fields.enabled ?? proxy.enabled;
    if (typeof listen !== 'string' || typeof upstream !== 'string' || typeof enabled !== 'boolean') {
      throw apiErrors.badRequestBody.with('listen and upstream must be strings, enabled a boolean');
    }
    await proxy.update({ listen, upstream, enabled });
    return { status: 200, json: proxy.toJSON() };
  }

  if (parts.length > 4) throw apiErrors.notFound;
  return itemRoute(subCollection(proxy, sub), method, item, body);
}
