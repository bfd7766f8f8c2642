import { afterEach, describe, expect, it } from 'vitest';
import { Cleanup, readBytes } from '../__fixtures__/net-fixtures.js';
import { toxicHarness } from '../__fixtures__/toxic-harness.js';
import { createDefaultToxicRegistry } from './default-toxics.js';
import type { ToxicDefinition } from './toxic.js';
import { toxicCase } from './toxic.case.js';

/** A toxic from outside the package: upper-cases ASCII letters (shows one file is enough). */
const shout: ToxicDefinition<{ enabled: boolean }> = {
  type: 'shout',
  description: 'Upper-cases ASCII letters going through.',
  defaults: { enabled: true },
  async pipe(stub, { enabled }) {
    for (;;) {
      const chunk = await stub.read();
      if (typeof chunk === 'symbol') return;
      if (chunk === null) return stub.close();
      stub.write(
        enabled ? { data: Buffer.from(chunk.data.toString('latin1').toUpperCase(), 'latin1'), at: chunk.at } : chunk,
      );
    }
  },
};
const registry = createDefaultToxicRegistry().register(shout);

toxicCase(shout, { attributes: { enabled: false }, preservesData: true, registry });

describe('custom toxics', () => {
  const cleanup = new Cleanup();
  afterEach(() => cleanup.run());

  it('are served once registered, with their attributes typed by their defaults', async () => {
    const h = await toxicHarness(cleanup, undefined, registry);
    expect((await h.addToxic({ type: 'shout', attributes: { enabled: 'yes' } })).status).toBe(400);
    expect((await h.addToxic({ type: 'shout' })).json.attributes).toEqual({ enabled: true });
    const socket = await h.client();
    socket.write('hello');
    expect((await readBytes(socket, 5)).toString()).toBe('HELLO');
    expect(() => registry.register(shout)).toThrow(/already registered/);
  });
});
