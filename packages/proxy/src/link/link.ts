import type { Duplex } from 'node:stream';
import type { Chunk, ChunkOutput } from './chunk.js';
import { ChunkQueue, type ByteMeter } from './chunk-queue.js';
import { ToxicStub, type StubHost } from './toxic-stub.js';
import { noopPipe, type ToxicAttributes, type ToxicDefinition } from '../toxics/toxic.js';

export type Direction = 'upstream' | 'downstream';

/** A toxic as configured on a proxy (the API object), shared by all its links. */
export interface ActiveToxic {
  readonly name: string;
  readonly definition: ToxicDefinition;
  readonly attributes: ToxicAttributes;
  readonly toxicity: number;
}

export interface LinkHost extends StubHost {
  /** The stream through this link ended (source end, or a toxic closed it). */
  ended(link: Link): void;
  failed(error: unknown): void;
}

interface Stage {
  toxic: ActiveToxic;
  readonly stub: ToxicStub;
  running: Promise<void>;
  /** The toxicity roll chose the toxic (not the pass-through) for this connection. */
  active: boolean;
}

/** Pause the source when this much is queued inside the toxic chain. */
const HIGH_WATER = 1 << 20;

/**
 * One direction of one connection. With no toxics it is a plain `source.pipe(dest)` (the fast
 * path); adding a toxic unpipes and routes chunks through a chain of stubs, removing the last
 * one pipes again, all without touching the connection.
 */
export class Link implements ByteMeter {
  queued = 0;
  private stages: Stage[] = [];
  private chained = false;
  private paused = false;
  private sourceEnded = false;
  private head: ChunkOutput;
  private ops: Promise<void> = Promise.resolve();
  private readonly sink: ChunkOutput;

  constructor(
    readonly direction: Direction,
    readonly source: Duplex,
    readonly dest: Duplex,
    private readonly host: LinkHost,
  ) {
    this.sink = {
      push: (chunk) => {
        if (chunk === null) return this.host.ended(this);
        if (this.dest.destroyed || this.dest.writableEnded) return;
        if (!this.dest.write(chunk.data)) this.changed();
      },
    };
    this.head = this.sink;
  }

  start(toxics: readonly ActiveToxic[]): void {
    if (toxics.length === 0) {
      this.source.pipe(this.dest, { end: false });
      this.source.once('end', this.onPipeEnd);
      return;
    }
    for (const toxic of toxics) this.append(toxic);
  }

  get toxicCount(): number {
    return this.stages.length;
  }

  add(toxic: ActiveToxic): Promise<void> {
    return this.serial(async () => this.append(toxic));
  }

  update(toxic: ActiveToxic): Promise<void> {
    return this.serial(async () => {
      const stage = this.stages.find((s) => s.toxic.name === toxic.name);
      if (!stage) return;
      stage.stub.interrupt();
      await stage.running;
      stage.stub.resume();
      stage.toxic = toxic;
      if (!stage.stub.isClosed) this.run(stage);
    });
  }

  remove(name: string): Promise<void> {
    return this.serial(async () => {
      const index = this.stages.findIndex((s) => s.toxic.name === name);
      if (index < 0) return;
      const stage = this.stages[index];
      stage.stub.interrupt();
      await stage.running;
      const stub = stage.stub;
      // Only a connection the toxic really acted on needs its cleanup (a timeout's close).
      if (stage.active) stage.toxic.definition.cleanup?.(stub);
      const next = stub.output;
      if (!stub.isClosed) stub.input.drainInto(next);
      const current = this.stages.indexOf(stage);
      if (current === 0) this.head = next;
      else this.stages[current - 1].stub.output = next;
      this.stages.splice(current, 1);
      if (this.stages.length === 0) this.unchain();
    });
  }

  /** The connection is gone: stop every toxic and timer. */
  dispose(): void {
    for (const stage of this.stages) stage.stub.dispose();
    this.source.off('data', this.onData);
    this.source.off('end', this.onChainEnd);
    this.source.off('end', this.onPipeEnd);
    this.dest.off('drain', this.onDrain);
  }

  /** ByteMeter: pause the source while the chain or the destination is backed up. */
  changed(): void {
    const backed = this.queued > HIGH_WATER || this.dest.writableNeedDrain;
    if (backed && !this.paused) {
      this.paused = true;
      this.source.pause();
    } else if (!backed && this.paused) {
      this.paused = false;
      if (this.chained) this.source.resume();
    }
  }

  private serial(op: () => Promise<void>): Promise<void> {
    const next = this.ops.then(op, op);
    this.ops = next.catch(() => undefined);
    return next;
  }

  private append(toxic: ActiveToxic): void {
    this.chain();
    const input = new ChunkQueue(this);
    const stub = new ToxicStub(input, this.sink, this.host);
    if (toxic.definition.newState) stub.state = toxic.definition.newState();
    const last = this.stages[this.stages.length - 1];
    if (last) last.stub.output = input;
    else this.head = input;
    const stage: Stage = { toxic, stub, running: Promise.resolve(), active: false };
    this.stages.push(stage);
    this.run(stage);
  }

  private run(stage: Stage): void {
    const { toxic, stub } = stage;
    // Toxicity is rolled per connection (and again when the toxic is updated), as Toxiproxy does.
    const active = Math.random() < toxic.toxicity;
    stage.active = active;
    stage.running = (active ? toxic.definition.pipe(stub, toxic.attributes) : noopPipe(stub)).catch(
      (error: unknown) => {
        this.host.failed(error);
      },
    );
  }

  private chain(): void {
    if (this.chained) return;
    this.chained = true;
    this.head = this.sink;
    this.source.unpipe(this.dest);
    this.source.off('end', this.onPipeEnd);
    this.dest.on('drain', this.onDrain);
    if (this.sourceEnded || this.source.readableEnded) return;
    this.source.on('data', this.onData);
    this.source.once('end', this.onChainEnd);
    this.paused = false;
    this.changed();
    if (!this.paused) this.source.resume();
  }

  private unchain(): void {
    if (!this.chained) return;
    this.chained = false;
    this.head = this.sink;
    this.source.off('data', this.onData);
    this.source.off('end', this.onChainEnd);
    this.dest.off('drain', this.onDrain);
    this.paused = false;
    if (this.sourceEnded) return;
    this.source.once('end', this.onPipeEnd);
    this.source.pipe(this.dest, { end: false });
  }

  private readonly onData = (data: Buffer): void => {
    const chunk: Chunk = { data, at: performance.now() };
    this.head.push(chunk);
    if (this.queued > HIGH_WATER) this.changed();
  };

  private readonly onChainEnd = (): void => {
    this.sourceEnded = true;
    this.head.push(null);
  };

  private readonly onPipeEnd = (): void => {
    this.sourceEnded = true;
    this.host.ended(this);
  };

  private readonly onDrain = (): void => {
    this.changed();
  };
}
