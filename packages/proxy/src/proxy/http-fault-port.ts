import type { Duplex } from 'node:stream';
import type { HttpFaultCollection } from '../http/http-fault-collection.js';
import type { HostPort } from '../net/host-port.js';
import type { Proxy } from './proxy.js';

/** The HTTP side of a `protocol: "http"` proxy: speaks HTTP to the client, forwards or faults each request. */
export interface HttpFaultLayer {
  readonly faults: HttpFaultCollection;
  /** A duplex that plays the upstream for one client connection. */
  attach(upstream: HostPort): Duplex;
  /** Proxy stopped: drop upstream connections. */
  close(): void;
}

export type HttpFaultLayerFactory = (proxy: Proxy) => HttpFaultLayer;
