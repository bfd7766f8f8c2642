import { afterEach, describe, expect, it } from 'vitest';
import { Cleanup, closing, roundTrip, sleep } from '../__fixtures__/net-fixtures.js';
import { toxicHarness } from '../__fixtures__/toxic-harness.js';
import { timeout } from './timeout.js';
import { toxicCase } from './toxic.case.js';

toxicCase(timeout, { attributes: { timeout: 0 }, preservesData: false });

describe('timeout toxic', () => {
  const cleanup = new Cleanup();
  afterEach(() => cleanup.run());

  it('lets no data through and closes the connection after the timeout', async () => {
    const h = await toxicHarness(cleanup);
    await h.addToxic({ type: 'timeout', attributes: { timeout: 300 } });
    const socket = await h.client();
    const started = performance.now();
    const ended = closing(socket);
    socket.write('anyone?');
    const result = await ended;
    expect(result.bytes).toBe(0);
    expect(result.at - started).toBeGreaterThan(250);
    expect(result.at - started).toBeLessThan(2000);
  });

  it('removing it closes the connections it held, and only those', async () => {
    const h = await toxicHarness(cleanup);
    await h.addToxic({ name: 'held', type: 'timeout', attributes: { timeout: 0 } });
    const held = await h.client();
    const heldClosed = new Promise((resolve) => held.once('close', resolve));
    await h.removeToxic('held');
    await heldClosed;

    await h.addToxic({ name: 'spared', type: 'timeout', toxicity: 0, attributes: { timeout: 0 } });
    const spared = await h.client();
    await h.removeToxic('spared');
    expect((await roundTrip(spared)) > 0 && !spared.destroyed).toBe(true);
  });

  it("holds a connection for a timeout past Node's 2^31 ms timer limit instead of closing it at once", async () => {
    const h = await toxicHarness(cleanup);
    await h.addToxic({ type: 'timeout', attributes: { timeout: 2 ** 31 } });
    const socket = await h.client();
    socket.write('anyone?');
    await sleep(300);
    expect(socket.destroyed).toBe(false);
  });

  it('with timeout 0 holds the connection open and silent', async () => {
    const h = await toxicHarness(cleanup);
    await h.addToxic({ type: 'timeout', attributes: { timeout: 0 } });
    const socket = await h.client();
    let bytes = 0;
    socket.on('data', (d: Buffer) => (bytes += d.length));
    socket.write('hello');
    await sleep(300);
    expect(bytes).toBe(0);
    expect(socket.destroyed).toBe(false);
  });
});
