import type { ToxicDefinition } from './toxic.js';

export type SlowCloseAttributes = { delay: number };

/** Holds the close of the stream for `delay` ms after the source has ended. */
export const slowClose: ToxicDefinition<SlowCloseAttributes> = {
  type: 'slow_close',
  description: 'Delays the TCP socket from closing until delay (ms) has elapsed.',
  defaults: { delay: 0 },
  waits: { delay: 'ms' },
  async pipe(stub, { delay }) {
    for (;;) {
      const chunk = await stub.read();
      if (typeof chunk === 'symbol') return;
      if (chunk === null) {
        if (await stub.sleep(delay)) stub.close();
        else stub.output.push(null); // interrupted while holding the end: pass it on
        return;
      }
      stub.write(chunk);
    }
  },
};
