import { afterEach, describe, expect, it } from 'vitest';
import { Cleanup, connect, readBytes, roundTrip, sleep, waitFor } from '../__fixtures__/net-fixtures.js';
import { toxicHarness } from '../__fixtures__/toxic-harness.js';

const cleanup = new Cleanup();
afterEach(() => cleanup.run());

describe('live connections', () => {
  it('keeps a stream whole and in order while toxics are added, updated and removed under it', async () => {
    const h = await toxicHarness(cleanup);
    const socket = await h.client();
    const total = 4 * 1024 * 1024;
    const payload = Buffer.alloc(total);
    for (let i = 0; i < total; i += 4) payload.writeUInt32LE(i / 4, i);
    const received = readBytes(socket, total, 60_000);
    // Write in pieces while toggling toxics in both directions.
    const writer = (async () => {
      for (let offset = 0; offset < total; offset += 64 * 1024) {
        if (!socket.write(payload.subarray(offset, offset + 64 * 1024)))
          await new Promise((r) => socket.once('drain', r));
        await sleep(1);
      }
    })();
    const toggler = (async () => {
      for (let round = 0; round < 5; round++) {
        await h.addToxic({
          name: 'lat',
          type: 'latency',
          stream: round % 2 ? 'upstream' : 'downstream',
          attributes: { latency: 5 },
        });
        await h.addToxic({ name: 'slice', type: 'slicer', attributes: { average_size: 4096, size_variation: 100 } });
        await h.updateToxic('lat', { attributes: { latency: 2, jitter: 1 } });
        await sleep(10);
        await h.removeToxic('lat');
        await h.removeToxic('slice');
      }
    })();
    await Promise.all([writer, toggler]);
    const data = await received;
    expect(data.length).toBe(total);
    expect(data.equals(payload)).toBe(true);
    expect(socket.destroyed).toBe(false);
    // Back on the fast path: still echoing.
    expect(await roundTrip(socket)).toBeGreaterThan(0);
  });

  it('rolls toxicity per connection, as Toxiproxy does', async () => {
    const h = await toxicHarness(cleanup);
    await h.addToxic({ type: 'timeout', toxicity: 0.5, attributes: { timeout: 0 } });
    const n = 200;
    const answered = await Promise.all(
      Array.from({ length: n }, async () => {
        const socket = await connect(h.proxyPort, cleanup);
        socket.write('x');
        try {
          await readBytes(socket, 1, 1000);
          return true;
        } catch {
          return false;
        } finally {
          socket.destroy();
        }
      }),
    );
    const passed = answered.filter(Boolean).length;
    // Binomial(200, 0.5): mean 100, sd ~7; ±5 sd.
    expect(passed).toBeGreaterThan(65);
    expect(passed).toBeLessThan(135);
  });

  it('serves 1,000 concurrent connections and leaks nothing when they close', async () => {
    const h = await toxicHarness(cleanup);
    const proxy = h.server.collection.get('p');
    await h.addToxic({ type: 'latency', stream: 'upstream', attributes: { latency: 1 } });
    const sockets = await Promise.all(Array.from({ length: 1000 }, () => connect(h.proxyPort)));
    await waitFor(() => proxy.connections.size === 1000 && h.echoSockets.size === 1000, 20_000);
    const echoes = await Promise.all(
      sockets.map(async (socket, i) => {
        socket.write(`m${i};`);
        return (await readBytes(socket, `m${i};`.length, 20_000)).toString() === `m${i};`;
      }),
    );
    expect(echoes.every(Boolean)).toBe(true);
    await Promise.all(sockets.map((s) => new Promise((resolve) => s.end(resolve))));
    await waitFor(() => proxy.connections.size === 0 && h.echoSockets.size === 0, 20_000);
    for (const s of sockets) s.destroy();
  });

  it('disabling a proxy takes it down; enabling brings it back on the same address', async () => {
    const h = await toxicHarness(cleanup);
    const socket = await h.client();
    const closed = new Promise((resolve) => socket.once('close', resolve));
    await fetch(`${h.base}/proxies/p`, { method: 'POST', body: JSON.stringify({ enabled: false }) });
    await closed;
    await expect(connect(h.proxyPort)).rejects.toThrow(/ECONNREFUSED/);
    await fetch(`${h.base}/proxies/p`, { method: 'POST', body: JSON.stringify({ enabled: true }) });
    const again = await connect(h.proxyPort, cleanup);
    expect(await roundTrip(again)).toBeGreaterThan(0);
  });
});
