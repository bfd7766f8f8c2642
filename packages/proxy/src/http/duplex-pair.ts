import { Duplex } from 'node:stream';

/** One end of an in-memory socket pair: what is written here is read from the other end. */
class PairEnd extends Duplex {
  other!: PairEnd;
  private wantMore: (() => void) | undefined;
  /** EOF was pushed to the other end. */
  private endSent = false;
  /** The other end is destroyed: writes go nowhere (a socket would EPIPE). */
  private peerGone = false;

  override _write(chunk: Buffer, _encoding: BufferEncoding, callback: (error?: Error | null) => void): void {
    if (this.peerGone) return callback();
    if (this.other.push(chunk)) callback();
    else this.other.wantMore = callback;
  }

  override _read(): void {
    const callback = this.wantMore;
    this.wantMore = undefined;
    callback?.();
  }

  override _final(callback: (error?: Error | null) => void): void {
    this.sendEnd();
    callback();
  }

  /**
   * Like closing a socket: the other end still reads what was written, then EOF. An error
   * destroys it too.
   */
  override _destroy(error: Error | null, callback: (error?: Error | null) => void): void {
    const pending = this.wantMore;
    this.wantMore = undefined;
    pending?.();
    const other = this.other;
    if (!other.destroyed) {
      if (error) other.destroy(error);
      else {
        other.peerGone = true;
        this.sendEnd();
      }
    }
    callback(error);
  }

  private sendEnd(): void {
    if (this.endSent) return;
    this.endSent = true;
    this.other.push(null);
  }

  // The HTTP server calls these on sockets.
  setTimeout(): this {
    return this;
  }
  setNoDelay(): this {
    return this;
  }
  setKeepAlive(): this {
    return this;
  }
}

/** stream.duplexPair() of Node 22, for Node 20. */
export function duplexPair(): [Duplex, Duplex] {
  const a = new PairEnd();
  const b = new PairEnd();
  a.other = b;
  b.other = a;
  return [a, b];
}
