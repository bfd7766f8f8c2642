import type { ToxicDefinition } from './toxic.js';

export type LatencyAttributes = { latency: number; jitter: number };

/** Delays every chunk by latency ± jitter ms, counted from when it arrived (so throughput holds). */
export const latency: ToxicDefinition<LatencyAttributes> = {
  type: 'latency',
  description: 'Adds latency (ms) ± jitter (ms) to all data going through the proxy.',
  defaults: { latency: 0, jitter: 0 },
  waits: { latency: 'ms', jitter: 'ms' },
  async pipe(stub, { latency: ms, jitter }) {
    for (;;) {
      const next = stub.read();
      const chunk = next instanceof Promise ? await next : next;
      if (typeof chunk === 'symbol') return;
      if (chunk === null) return stub.close();
      const delay = jitter > 0 ? ms + Math.floor(Math.random() * jitter * 2) - jitter : ms;
      const due = chunk.at + delay;
      // Interrupted mid-wait: hand the chunk on undelayed rather than drop it.
      const wait = stub.sleepUntil(due);
      const slept = typeof wait === 'boolean' ? wait : await wait;
      if (slept) chunk.at = Math.max(chunk.at, due);
      stub.write(chunk);
      if (!slept) return;
    }
  },
};
