import { BlockList, isIP } from 'node:net';

type Env = Readonly<Record<string, string | undefined>>;

const read = (env: Env, name: string) => env[name.toUpperCase()] || env[name.toLowerCase()] || undefined;

function excluded(host: string, port: string, noProxy: string): boolean {
  for (const raw of noProxy.split(',')) {
    const entry = raw.trim().toLowerCase();
    if (entry === '') continue;
    if (entry === '*') return true;
    if (entry.includes('/')) {
      // CIDR: matches IP literals only, as in Go.
      const [network, bits] = entry.split('/');
      const family = isIP(network!);
      if (family === 0 || isIP(host) !== family) continue;
      const list = new BlockList();
      list.addSubnet(network!, Number(bits), family === 6 ? 'ipv6' : 'ipv4');
      if (list.check(host, family === 6 ? 'ipv6' : 'ipv4')) return true;
      continue;
    }
    const match = /^(\[[^\]]+\]|[^:]+)(?::(\d+))?$/.exec(entry);
    if (!match) continue;
    const entryHost = match[1]!.replace(/^\[|\]$/g, '').replace(/^\*\./, '.');
    if (match[2] && match[2] !== port) continue;
    if (entryHost.startsWith('.') ? host.endsWith(entryHost) || host === entryHost.slice(1) : host === entryHost)
      return true;
    if (!entryHost.startsWith('.') && host.endsWith(`.${entryHost}`)) return true;
  }
  return false;
}

/**
 * The proxy kubectl would use for `server`, from HTTPS_PROXY / HTTP_PROXY / NO_PROXY (either case),
 * with Go's rules (net/http ProxyFromEnvironment): HTTPS_PROXY for https servers, HTTP_PROXY for
 * http ones; NO_PROXY lists hosts, domains (matching their subdomains), IPs and CIDRs, with an
 * optional port, or `*`; localhost and loopback addresses are never proxied.
 */
export function proxyForServer(server: string, env: Env): string | undefined {
  let url: URL;
  try {
    url = new URL(server);
  } catch {
    return undefined;
  }
  const host = url.hostname.replace(/^\[|\]$/g, '').toLowerCase();
  if (host === 'localhost' || host.endsWith('.localhost')) return undefined;
  if (isIP(host) === 4 && host.startsWith('127.')) return undefined;
  if (host === '::1') return undefined;
  const proxy = url.protocol === 'https:' ? read(env, 'https_proxy') : read(env, 'http_proxy');
  if (!proxy) return undefined;
  const port = url.port || (url.protocol === 'https:' ? '443' : '80');
  if (excluded(host, port, read(env, 'no_proxy') ?? '')) return undefined;
  return proxy.includes('://') ? proxy : `http://${proxy}`;
}
