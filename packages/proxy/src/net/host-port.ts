/** A "host:port" address split for node:net ("[::1]:80", ":80", "localhost:0"). */
export interface HostPort {
  host: string;
  port: number;
}

/**
 * Parses a Toxiproxy-style address. An empty host means 127.0.0.1 (Toxiproxy would bind every
 * interface; Faultline is safe by default, write 0.0.0.0 to expose a proxy), and "localhost"
 * is pinned to 127.0.0.1 so the answer does not depend on resolver order.
 */
export function parseHostPort(address: string, defaultHost = '127.0.0.1'): HostPort | undefined {
  const match = /^(?:\[([^\]]*)\]|([^:]*)):(\d{1,5})$/.exec(address.trim());
  if (!match) return undefined;
  const port = Number(match[3]);
  if (port > 65535) return undefined;
  let host = match[1] ?? match[2] ?? '';
  if (host === '') host = defaultHost;
  if (host === 'localhost') host = '127.0.0.1';
  return { host, port };
}

/** Go's net.JoinHostPort: brackets around IPv6 hosts. */
export function formatHostPort(host: string, port: number): string {
  return host.includes(':') ? `[${host}]:${port}` : `${host}:${port}`;
}
