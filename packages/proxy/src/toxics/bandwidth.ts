import type { ToxicDefinition } from './toxic.js';

export type BandwidthAttributes = { rate: number };

/** Limits throughput to `rate` KB/s, sending in slices of at most 100 ms worth of data. */
export const bandwidth: ToxicDefinition<BandwidthAttributes> = {
  type: 'bandwidth',
  description: 'Limits a connection to a maximum rate in KB/s.',
  defaults: { rate: 0 },
  async pipe(stub, { rate }) {
    // A send schedule shared by successive chunks keeps the long-run rate exact despite timer jitter.
    let next = performance.now();
    for (;;) {
      const chunk = await stub.read();
      if (typeof chunk === 'symbol') return;
      if (chunk === null) return stub.close();
      if (rate <= 0) {
        stub.write(chunk);
        continue;
      }
      const now = performance.now();
      if (next < now) next = now;
      const sliceBytes = rate * 100;
      let data = chunk.data;
      while (data.length > 0) {
        const piece = data.length > sliceBytes ? data.subarray(0, sliceBytes) : data;
        data = data.subarray(piece.length);
        next += piece.length / rate; // rate is KB/s = bytes per ms
        if (!(await stub.sleepUntil(next))) {
          stub.write({ data: Buffer.concat([piece, data]), at: chunk.at });
          return;
        }
        stub.write({ data: piece, at: chunk.at });
      }
    }
  },
};
