import type { ToxicDefinition } from './toxic.js';

export type LimitDataAttributes = { bytes: number };

interface LimitDataState {
  transmitted: number;
}

/** Lets `bytes` bytes through per connection and direction, then closes the connection. */
export const limitData: ToxicDefinition<LimitDataAttributes> = {
  type: 'limit_data',
  description: 'Closes the connection once bytes have been transmitted.',
  defaults: { bytes: 0 },
  newState: (): LimitDataState => ({ transmitted: 0 }),
  async pipe(stub, { bytes }) {
    const state = stub.state as LimitDataState;
    for (;;) {
      const chunk = await stub.read();
      if (typeof chunk === 'symbol') return;
      if (chunk === null) return stub.close();
      const remaining = Math.max(0, bytes - state.transmitted);
      const data = chunk.data.length > remaining ? chunk.data.subarray(0, remaining) : chunk.data;
      if (data.length > 0) stub.write({ data, at: chunk.at });
      state.transmitted += data.length;
      if (state.transmitted >= bytes) return stub.close();
    }
  },
};
