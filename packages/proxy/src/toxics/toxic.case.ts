import { afterEach, describe, expect, it } from 'vitest';
import { Cleanup, closing, readBytes } from '../__fixtures__/net-fixtures.js';
import { toxicHarness } from '../__fixtures__/toxic-harness.js';
import { MAX_WAIT_MS } from '../time/max-wait.js';
import { createDefaultToxicRegistry } from './default-toxics.js';
import type { ToxicAttributes, ToxicDefinition } from './toxic.js';
import type { ToxicRegistry } from './toxic-registry.js';

export interface ToxicCaseOptions {
  /** Attributes that make the toxic act, but quickly (tests stay fast). */
  attributes: ToxicAttributes;
  /** Data passes intact while it is active (latency, bandwidth, slicer, slow_close). */
  preservesData: boolean;
  /** For toxics outside the defaults: the registry that holds it. */
  registry?: ToxicRegistry;
}

/**
 * The contract every toxic meets: JSON shape of its defaults, registration, toxicity 0 is a
 * no-op, and a live connection survives adding, updating and removing it without losing or
 * reordering bytes (unless the toxic is one that drops data by design).
 */
export function toxicCase(definition: ToxicDefinition, options: ToxicCaseOptions): void {
  describe(`toxic contract: ${definition.type}`, () => {
    const cleanup = new Cleanup();
    afterEach(() => cleanup.run());

    const registry = options.registry ?? createDefaultToxicRegistry();
    const harness = () => toxicHarness(cleanup, undefined, registry);

    it('declares flat JSON defaults and a description, and is in its registry', () => {
      expect(definition.type).toMatch(/^[a-z_]+$/);
      expect(definition.description.length).toBeGreaterThan(10);
      for (const value of Object.values(definition.defaults))
        expect(['number', 'string', 'boolean']).toContain(typeof value);
      for (const key of Object.keys(options.attributes)) expect(Object.keys(definition.defaults)).toContain(key);
      expect(registry.get(definition.type)).toBe(definition);
    });

    it('refuses waits that are negative or longer than the documented maximum', async () => {
      const h = await harness();
      for (const [key, unit] of Object.entries(definition.waits ?? {})) {
        expect(Object.keys(definition.defaults)).toContain(key);
        const over = (unit === 'us' ? 1000 : 1) * (MAX_WAIT_MS + 1);
        for (const value of [-1, over]) {
          const added = await h.addToxic({
            type: definition.type,
            attributes: { ...options.attributes, [key]: value },
          });
          expect(added.status, `${key}=${value}`).toBe(400);
          expect(added.json.error).toContain(`attribute ${key} of ${definition.type}`);
        }
      }
      expect(h.server.collection.get('p').toxics.list()).toEqual([]);
    });

    it('shows every attribute (defaults filled in) through the API', async () => {
      const h = await harness();
      const added = await h.addToxic({ type: definition.type, attributes: {} });
      expect(added.status).toBe(200);
      expect(added.json.attributes).toEqual(definition.defaults);
    });

    it('with toxicity 0 passes data untouched', async () => {
      const h = await harness();
      await h.addToxic({ type: definition.type, stream: 'downstream', toxicity: 0, attributes: options.attributes });
      await h.addToxic({ type: definition.type, stream: 'upstream', toxicity: 0, attributes: options.attributes });
      const socket = await h.client();
      const payload = Buffer.from('x'.repeat(10_000));
      socket.write(payload);
      expect((await readBytes(socket, payload.length)).equals(payload)).toBe(true);
    });

    it('is added, updated and removed on a live connection without dropping it', async () => {
      const h = await harness();
      const socket = await h.client();
      const ended = closing(socket);
      socket.write('before');
      expect((await readBytes(socket, 6)).toString()).toBe('before');

      expect((await h.addToxic({ name: 't', type: definition.type, attributes: options.attributes })).status).toBe(200);
      socket.write('during');
      if (options.preservesData) expect((await readBytes(socket, 6)).toString()).toBe('during');
      expect((await h.updateToxic('t', { attributes: options.attributes })).status).toBe(200);
      expect(await h.removeToxic('t')).toBe(204);

      if (options.preservesData) {
        socket.write('after');
        expect((await readBytes(socket, 5)).toString()).toBe('after');
        expect(socket.destroyed).toBe(false);
      }
      // Whatever the toxic did, the connection still closes cleanly from the client side.
      if (!socket.destroyed) socket.end();
      const how = await ended;
      if (options.preservesData) expect(how.how).toBe('end');
    });

    it('lets the connection close when the client ends it', async () => {
      const h = await harness();
      await h.addToxic({ type: definition.type, stream: 'upstream', attributes: options.attributes });
      await h.addToxic({ type: definition.type, stream: 'downstream', attributes: options.attributes });
      const socket = await h.client();
      const ended = closing(socket);
      socket.end('bye');
      await ended;
      const proxy = h.server.collection.get('p');
      await expect.poll(() => proxy.connections.size, { timeout: 5000 }).toBe(0);
    });
  });
}
