import net, { type Server, type Socket } from 'node:net';
import type { Duplex } from 'node:stream';
import { formatHostPort, parseHostPort, type HostPort } from '../net/host-port.js';
import { listenOn } from '../net/listen-on.js';
import { apiErrors } from '../server/api-error.js';
import type { ToxicRegistry } from '../toxics/toxic-registry.js';
import { Connection } from './connection.js';
import { ToxicCollection, type ToxicJson } from './toxic-collection.js';
import type { HttpFaultLayer, HttpFaultLayerFactory } from './http-fault-port.js';

export type ProxyProtocol = 'tcp' | 'http';

/** A proxy as the API shows it: Toxiproxy's shape (+ `protocol` on HTTP proxies only). */
export interface ProxyJson {
  name: string;
  listen: string;
  upstream: string;
  enabled: boolean;
  protocol?: 'http';
  toxics: ToxicJson[];
}

export interface ProxyOptions {
  name: string;
  listen: string;
  upstream: string;
  protocol?: ProxyProtocol;
  registry: ToxicRegistry;
  /** Builds the HTTP layer of `protocol: "http"` proxies. */
  httpLayer?: HttpFaultLayerFactory;
}

/** Byte totals of closed connections, for /metrics (live ones are read from their sockets). */
export interface ByteTotals {
  upstreamReceived: number;
  upstreamSent: number;
  downstreamReceived: number;
  downstreamSent: number;
}

/**
 * A listener that accepts clients and connects each to the upstream through a Connection.
 * Disabling it closes the listener and every connection ("down"); enabling listens again.
 */
export class Proxy {
  readonly name: string;
  listen: string;
  upstream: string;
  enabled = false;
  readonly protocol: ProxyProtocol;
  readonly toxics: ToxicCollection;
  readonly http: HttpFaultLayer | undefined;
  /** Live connections and their raw upstream socket (absent behind the HTTP layer). */
  readonly connections = new Map<Connection, Socket | undefined>();
  readonly closedTotals: ByteTotals = {
    upstreamReceived: 0,
    upstreamSent: 0,
    downstreamReceived: 0,
    downstreamSent: 0,
  };
  private server: Server | undefined;

  constructor(options: ProxyOptions) {
    this.name = options.name;
    this.listen = options.listen;
    this.upstream = options.upstream;
    this.protocol = options.protocol ?? 'tcp';
    this.toxics = new ToxicCollection(options.registry, () => this.connections.keys());
    if (this.protocol === 'http') {
      if (!options.httpLayer) throw new Error('an HTTP proxy needs an HTTP layer');
      this.http = options.httpLayer(this);
    }
  }

  toJSON(): ProxyJson {
    return {
      name: this.name,
      listen: this.listen,
      upstream: this.upstream,
      enabled: this.enabled,
      ...(this.protocol === 'http' ? { protocol: 'http' as const } : {}),
      toxics: this.toxics.list(),
    };
  }

  async start(): Promise<void> {
    if (this.enabled) return;
    this.install(await this.bind(this.listen, this.upstream));
  }

  /** Stops listening and closes every connection. */
  async stop(): Promise<void> {
    if (!this.enabled) return;
    this.enabled = false;
    const server = this.server;
    this.server = undefined;
    for (const connection of [...this.connections.keys()]) connection.destroy();
    this.http?.close();
    await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  }

  /** Toxiproxy's Differs: a new listen address or upstream means a restart. */
  differs(listen: string, upstream: string): boolean {
    if (upstream !== this.upstream) return true;
    const wanted = parseHostPort(listen === '' ? ':0' : listen);
    return !wanted || formatHostPort(wanted.host, wanted.port) !== this.listen;
  }

  /**
   * Applies a new listen address, upstream and enabled state. A new listener is bound before the
   * old one is let go, so an address in use (409) or a bad one (400) leaves the proxy exactly as
   * it was, connections included.
   */
  async update(input: { listen: string; upstream: string; enabled: boolean }): Promise<void> {
    if (!this.differs(input.listen, input.upstream)) {
      if (input.enabled) await this.start();
      else await this.stop();
      return;
    }
    const wanted = parseHostPort(input.listen === '' ? ':0' : input.listen);
    const current = parseHostPort(this.listen);
    // Same port on another host of this machine would collide with our own listener: rebind after stopping.
    const rebindsOwnPort = this.enabled && wanted?.port !== 0 && wanted?.port === current?.port;
    const next = input.enabled && !rebindsOwnPort ? await this.bind(input.listen, input.upstream) : undefined;
    if (!next) this.checkAddresses(input.listen, input.upstream);
    const before = { listen: this.listen, upstream: this.upstream, enabled: this.enabled };
    await this.stop();
    this.listen = input.listen;
    this.upstream = input.upstream;
    if (next) return this.install(next);
    if (!input.enabled) return;
    try {
      await this.start();
    } catch (error) {
      this.listen = before.listen;
      this.upstream = before.upstream;
      if (before.enabled) await this.start();
      throw error;
    }
  }

  /** Checks both addresses and binds a new listener on `listen`; the caller installs it. */
  private async bind(listen: string, upstream: string): Promise<{ server: Server; listen: string }> {
    const address = this.checkAddresses(listen, upstream);
    const server = net.createServer({ allowHalfOpen: true, noDelay: true, pauseOnConnect: false }, (client) =>
      this.accept(client),
    );
    await listenOn(server, address, true);
    server.on('error', () => undefined);
    const bound = server.address() as net.AddressInfo;
    return { server, listen: formatHostPort(bound.address, bound.port) };
  }

  private install(bound: { server: Server; listen: string }): void {
    this.server = bound.server;
    this.listen = bound.listen;
    this.enabled = true;
  }

  private checkAddresses(listen: string, upstream: string): HostPort {
    const address = parseHostPort(listen === '' ? ':0' : listen);
    if (!address) throw apiErrors.badRequestBody.with(`listen address "${listen}" is not host:port`);
    if (!parseHostPort(upstream))
      throw apiErrors.badRequestBody.with(`upstream address "${upstream}" is not host:port`);
    return address;
  }

  private accept(client: Socket): void {
    const target = parseHostPort(this.upstream);
    if (!target) return void client.destroy();
    const upstream = this.http
      ? undefined
      : net.connect({ host: target.host, port: target.port, allowHalfOpen: true, noDelay: true });
    const back: Duplex = upstream ?? this.http!.attach(target);
    const connection = new Connection(client, back, this.toxics.snapshot(), (closed) => {
      this.connections.delete(closed);
      this.closedTotals.upstreamReceived += client.bytesRead;
      this.closedTotals.downstreamSent += client.bytesWritten;
      this.closedTotals.downstreamReceived += upstream?.bytesRead ?? 0;
      this.closedTotals.upstreamSent += upstream?.bytesWritten ?? 0;
    });
    this.connections.set(connection, upstream);
  }

  /** Live + closed byte counts per direction (read from the sockets: no per-chunk cost). */
  byteTotals(): ByteTotals {
    const totals = { ...this.closedTotals };
    for (const [connection, upstream] of this.connections) {
      const client = connection.client as Socket;
      totals.upstreamReceived += client.bytesRead ?? 0;
      totals.downstreamSent += client.bytesWritten ?? 0;
      totals.downstreamReceived += upstream?.bytesRead ?? 0;
      totals.upstreamSent += upstream?.bytesWritten ?? 0;
    }
    return totals;
  }
}
