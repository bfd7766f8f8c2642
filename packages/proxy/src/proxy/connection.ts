import type { Socket } from 'node:net';
import type { Duplex } from 'node:stream';
import { Link, type ActiveToxic, type Direction, type LinkHost } from '../link/link.js';

/** A duplex with the optional RST of net.Socket. */
type Endpoint = Duplex & Partial<Pick<Socket, 'resetAndDestroy'>>;

/**
 * One client connection: the client socket, the upstream side (a socket, or the HTTP fault
 * layer) and the two links between them. Half-closes pass through; a toxic that cuts the stream
 * closes the whole connection, and reset_peer aborts both sides with RST.
 */
export class Connection implements LinkHost {
  readonly upstreamLink: Link;
  readonly downstreamLink: Link;
  private closingByToxic = false;
  private closed = false;

  constructor(
    readonly client: Endpoint,
    readonly upstream: Endpoint,
    toxics: { upstream: readonly ActiveToxic[]; downstream: readonly ActiveToxic[] },
    private readonly onClose: (connection: Connection) => void,
  ) {
    this.upstreamLink = new Link('upstream', client, upstream, this);
    this.downstreamLink = new Link('downstream', upstream, client, this);
    const fail = (): void => this.destroy();
    client.on('error', fail);
    upstream.on('error', fail);
    client.on('close', fail);
    upstream.on('close', fail);
    this.upstreamLink.start(toxics.upstream);
    this.downstreamLink.start(toxics.downstream);
  }

  link(direction: Direction): Link {
    return direction === 'upstream' ? this.upstreamLink : this.downstreamLink;
  }

  closeByToxic(): void {
    this.closingByToxic = true;
  }

  ended(link: Link): void {
    const dest = link.dest;
    if (this.closingByToxic) {
      if (dest.destroyed || dest.writableFinished) return this.destroy();
      dest.end(() => this.destroy());
      // A peer that stops reading must not keep the connection alive.
      setTimeout(() => this.destroy(), 5000).unref();
    } else if (!dest.destroyed) {
      dest.end();
    }
  }

  reset(): void {
    for (const side of [this.client, this.upstream]) {
      try {
        if (side.resetAndDestroy && !side.destroyed) side.resetAndDestroy();
        else side.destroy();
      } catch {
        side.destroy();
      }
    }
    this.destroy();
  }

  failed(error: unknown): void {
    this.destroy(error instanceof Error ? error : new Error(String(error)));
  }

  /** Closes both sides now (proxy disabled or deleted, error, toxic close). */
  destroy(_error?: Error): void {
    if (this.closed) return;
    this.closed = true;
    this.upstreamLink.dispose();
    this.downstreamLink.dispose();
    this.client.destroy();
    this.upstream.destroy();
    this.onClose(this);
  }
}
