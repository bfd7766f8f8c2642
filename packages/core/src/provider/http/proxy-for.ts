import { isIP } from 'node:net';
import { ActivityFailedError } from '../../errors/faultline-error.js';

/**
 * The proxy python-requests would use for a URL: `http_proxy`/`https_proxy`/`all_proxy` (lower case
 * first, then upper case) unless `no_proxy` lists the host (a domain also covers its subdomains,
 * `*` disables proxies). Unlike requests, loopback targets never go through a proxy.
 */
export function proxyFor(url: URL, env: Readonly<Record<string, string | undefined>>): URL | undefined {
  const host = url.hostname.replace(/^\[|\]$/g, '').toLowerCase();
  if (host === 'localhost' || host.endsWith('.localhost') || host === '::1' || /^127\./.test(host)) return undefined;
  const pick = (name: string) => env[name.toLowerCase()] || env[name.toUpperCase()] || undefined;
  const noProxy = pick('no_proxy');
  if (noProxy && bypassed(host, url, noProxy)) return undefined;
  const raw =
    url.protocol === 'https:' ? (pick('https_proxy') ?? pick('all_proxy')) : (pick('http_proxy') ?? pick('all_proxy'));
  if (!raw) return undefined;
  let proxy: URL;
  try {
    proxy = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(raw) ? raw : `http://${raw}`);
  } catch {
    throw new ActivityFailedError(`the proxy "${raw}" from the environment is not a valid URL`, {
      code: 'E_HTTP_PROXY',
    });
  }
  if (proxy.protocol !== 'http:') {
    throw new ActivityFailedError(`${proxy.protocol.slice(0, -1)} proxies are not supported (proxy ${proxy.host})`, {
      code: 'E_HTTP_PROXY',
      hint: 'use an http:// proxy, or list the target in NO_PROXY',
    });
  }
  return proxy;
}

function bypassed(host: string, url: URL, noProxy: string): boolean {
  const port = url.port || (url.protocol === 'https:' ? '443' : '80');
  return noProxy
    .split(',')
    .map((entry) => entry.trim().toLowerCase())
    .filter(Boolean)
    .some((entry) => {
      if (entry === '*') return true;
      let name = entry;
      const portMatch = /^(.*):(\d+)$/.exec(entry);
      if (portMatch && !isIP(entry)) {
        if (portMatch[2] !== port) return false;
        name = portMatch[1]!;
      }
      name = name.replace(/^\*?\./, '');
      return host === name || host.endsWith(`.${name}`);
    });
}
