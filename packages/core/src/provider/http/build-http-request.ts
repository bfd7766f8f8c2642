import { ActivityFailedError } from '../../errors/faultline-error.js';
import type { HttpProvider } from '../../model/experiment.js';
import { isPlainObject } from '../../substitution/is-plain-object.js';

export interface HttpRequestPlan {
  url: URL;
  method: string;
  headers: Record<string, string>;
  body?: Buffer;
}

/**
 * Turns an `http` provider into a request as Chaos Toolkit (python-requests) would send it:
 * GET sends `arguments` as the query string; other methods send them as JSON when the
 * Content-Type header is JSON, else form-encoded; a string argument is sent as is.
 */
export function buildHttpRequest(provider: HttpProvider): HttpRequestPlan {
  let url: URL;
  try {
    url = new URL(provider.url);
  } catch {
    throw new ActivityFailedError(`invalid URL "${safeUrl(provider.url)}"`, {
      code: 'E_HTTP_URL',
      hint: 'an http provider needs an absolute http:// or https:// URL',
    });
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new ActivityFailedError(`unsupported URL scheme "${url.protocol}" in ${safeUrl(provider.url)}`, {
      code: 'E_HTTP_URL',
      hint: 'use http:// or https://',
    });
  }
  const method = (provider.method ?? 'GET').toUpperCase();
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(provider.headers ?? {})) {
    if (value !== undefined && value !== null) headers[name] = String(value);
  }
  setDefault(headers, 'User-Agent', 'faultline');
  setDefault(headers, 'Accept', '*/*');
  setDefault(headers, 'Accept-Encoding', 'gzip, deflate, br');
  const args = provider.arguments;
  let body: Buffer | undefined;

  if (method === 'GET') {
    if (typeof args === 'string' && args !== '') url = appendRawQuery(url, args);
    else if (isPlainObject(args)) appendParams(url.searchParams, args);
  } else if (isJsonMediaType(headerValue(headers, 'Content-Type'))) {
    if (args !== undefined && args !== null) body = Buffer.from(typeof args === 'string' ? args : JSON.stringify(args));
  } else if (typeof args === 'string') {
    body = Buffer.from(args);
  } else if (isPlainObject(args) && Object.keys(args).length > 0) {
    const form = new URLSearchParams();
    appendParams(form, args);
    body = Buffer.from(form.toString());
    setDefault(headers, 'Content-Type', 'application/x-www-form-urlencoded');
  }
  if (body !== undefined) headers['Content-Length'] = String(body.length);
  else if (['POST', 'PUT', 'PATCH'].includes(method)) headers['Content-Length'] = '0';
  return { url, method, headers, body };
}

/** `application/json`, `application/json; charset=utf-8`, `application/problem+json`… */
export function isJsonMediaType(contentType: string | undefined): boolean {
  if (!contentType) return false;
  const media = contentType.split(';')[0]!.trim().toLowerCase();
  return media === 'application/json' || media.endsWith('+json');
}

export function headerValue(headers: Record<string, string>, name: string): string | undefined {
  const wanted = name.toLowerCase();
  for (const [key, value] of Object.entries(headers)) if (key.toLowerCase() === wanted) return value;
  return undefined;
}

/** A URL fit for messages: no user:password. */
export function safeUrl(url: string | URL): string {
  try {
    const copy = new URL(String(url));
    if (copy.username || copy.password) {
      copy.username = '***';
      copy.password = '';
    }
    return copy.toString();
  } catch {
    return String(url).replace(/\/\/[^/@]*@/, '//***@');
  }
}

function setDefault(headers: Record<string, string>, name: string, value: string): void {
  if (headerValue(headers, name) === undefined) headers[name] = value;
}

/** Like python-requests: list values repeat the key, null values are dropped. */
function appendParams(params: URLSearchParams, args: Record<string, unknown>): void {
  for (const [key, value] of Object.entries(args)) {
    const values = Array.isArray(value) ? value : [value];
    for (const item of values) {
      if (item === null || item === undefined) continue;
      params.append(key, typeof item === 'object' ? JSON.stringify(item) : String(item));
    }
  }
}

function appendRawQuery(url: URL, query: string): URL {
  const raw = query.replace(/^\?/, '');
  const copy = new URL(url);
  copy.search = copy.search ? `${copy.search}&${raw}` : `?${raw}`;
  return copy;
}
