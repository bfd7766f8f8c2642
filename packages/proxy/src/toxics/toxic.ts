import type { ToxicStub } from '../link/toxic-stub.js';

/** Attributes of a toxic: flat JSON scalars, as Toxiproxy's toxic structs. */
export type ToxicAttributes = Record<string, number | string | boolean>;

/**
 * One kind of toxic (Toxiproxy's `toxics/<type>.go`). `pipe` runs once per connection and
 * direction while the toxic is active: it reads chunks from the stub and writes them on, and
 * must return promptly when `stub.read()` gives INTERRUPTED or `stub.sleep()` gives false,
 * writing on any chunk it holds so no byte is lost.
 */
export interface ToxicDefinition<A extends ToxicAttributes = ToxicAttributes> {
  /** The `type` in the API: "latency". */
  readonly type: string;
  /** One sentence for docs and `--help`. */
  readonly description: string;
  /** Every attribute with its default: the JSON shape of `attributes` (Go zero values). */
  readonly defaults: A;
  /**
   * The attributes that are waits, with their unit: the API refuses negative ones and ones over
   * MAX_WAIT_MS (100 years), and the contract suite checks it.
   */
  readonly waits?: { readonly [K in keyof A]?: 'ms' | 'us' };
  /** Extra checks after type checks; returns a message for a 400, or undefined. */
  validate?(attributes: A): string | undefined;
  /** Per-connection state, created once per connection (kept across updates). */
  newState?(): unknown;
  pipe(stub: ToxicStub, attributes: A): Promise<void>;
  /** Called on a live connection when the toxic is removed, before data flows past it again. */
  cleanup?(stub: ToxicStub): void;
}

/** Passes everything through: what a connection runs when the toxicity roll says "not this one". */
export async function noopPipe(stub: ToxicStub): Promise<void> {
  for (;;) {
    const next = stub.read();
    // Skipping the await when a chunk is already there keeps the pass-through cheap.
    const chunk = next instanceof Promise ? await next : next;
    if (typeof chunk === 'symbol') return;
    if (chunk === null) return stub.close();
    stub.write(chunk);
  }
}
