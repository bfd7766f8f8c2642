import type { ProxyCollection } from '../proxy/proxy-collection.js';
import { parseProxyInput } from '../proxy/proxy-collection.js';
import type { Proxy } from '../proxy/proxy.js';
import { version } from '../version.js';
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
  throw new ApiError('method not allowed', 405);
};

function httpFaults(proxy: Proxy) {
  if (!proxy.http) throw apiErrors.notHttpProxy;
  return proxy.http.faults;
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
  if (root !== 'proxies') throw new ApiError('not found', 404);

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

  if (sub === 'toxics') {
    if (parts.length === 3) {
      if (method === 'GET') return { status: 200, json: proxy.toxics.list() };
      if (method !== 'POST') methodNotAllowed();
      // Toxiproxy answers a created toxic with 200, not 201.
      return { status: 200, json: await proxy.toxics.add(parseJson(body)) };
    }
    if (parts.length === 4) {
      if (method === 'GET') {
        const toxic = proxy.toxics.get(item);
        if (!toxic) throw apiErrors.toxicNotFound;
        return { status: 200, json: toxic };
      }
      if (method === 'DELETE') {
        await proxy.toxics.remove(item);
        return { status: 204 };
      }
      if (method !== 'POST' && method !== 'PATCH') methodNotAllowed();
      return { status: 200, json: await proxy.toxics.update(item, parseJson(body)) };
    }
  }

  if (sub === 'faults') {
    const faults = httpFaults(proxy);
    if (parts.length === 3) {
      if (method === 'GET') return { status: 200, json: faults.list() };
      if (method !== 'POST') methodNotAllowed();
      return { status: 201, json: faults.add(parseJson(body)) };
    }
    if (parts.length === 4) {
      if (method === 'GET') return { status: 200, json: faults.get(item) };
      if (method === 'DELETE') {
        faults.remove(item);
        return { status: 204 };
      }
      if (method !== 'POST' && method !== 'PATCH') methodNotAllowed();
      return { status: 200, json: faults.update(item, parseJson(body)) };
    }
  }
  throw new ApiError('not found', 404);
}
