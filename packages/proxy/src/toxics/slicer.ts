import type { ToxicDefinition } from './toxic.js';

export type SlicerAttributes = { average_size: number; size_variation: number; delay: number };

/** Cut offsets for [start, end): halves recursively, varied by ±variation, until pieces are small enough. */
function cuts(start: number, end: number, average: number, variation: number, out: number[]): void {
  if (end - start - average <= variation) {
    out.push(end);
    return;
  }
  let mid = start + Math.floor((end - start) / 2);
  if (variation > 0) mid += Math.floor(Math.random() * variation * 2) - variation;
  cuts(start, mid, average, variation, out);
  cuts(mid, end, average, variation, out);
}

/** Slices data into small pieces, optionally waiting `delay` µs between them. */
export const slicer: ToxicDefinition<SlicerAttributes> = {
  type: 'slicer',
  description: 'Slices TCP data into small bits (average_size ± size_variation bytes), with delay (µs) between them.',
  defaults: { average_size: 0, size_variation: 0, delay: 0 },
  waits: { delay: 'us' },
  validate({ average_size, size_variation }) {
    if (average_size < 0 || size_variation < 0) return 'average_size and size_variation must not be negative';
    if (size_variation > 0 && size_variation >= average_size) return 'size_variation must be smaller than average_size';
    return undefined;
  },
  async pipe(stub, { average_size, size_variation, delay }) {
    for (;;) {
      const chunk = await stub.read();
      if (typeof chunk === 'symbol') return;
      if (chunk === null) return stub.close();
      const ends: number[] = [];
      cuts(0, chunk.data.length, Math.max(1, average_size), size_variation, ends);
      let start = 0;
      for (const end of ends) {
        stub.write({ data: chunk.data.subarray(start, end), at: chunk.at });
        start = end;
        if (start < chunk.data.length && !(await stub.sleep(delay / 1000))) {
          stub.write({ data: chunk.data.subarray(start), at: chunk.at });
          return;
        }
      }
    }
  },
};
