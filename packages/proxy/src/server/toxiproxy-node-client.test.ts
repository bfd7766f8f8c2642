import { afterEach, describe, expect, it } from 'vitest';
import { Toxiproxy, type ICreateToxicBody, type Latency } from 'toxiproxy-node-client';
import { Cleanup, connect, echoServer, percentile, portOf, roundTrip, startApi } from '../__fixtures__/net-fixtures.js';

const cleanup = new Cleanup();
afterEach(() => cleanup.run());

describe('the published toxiproxy-node-client drives our server', () => {
  it('create proxy → add toxic → update → remove → reset → delete', async () => {
    const echo = await echoServer(cleanup);
    const server = await startApi(cleanup);
    const toxiproxy = new Toxiproxy(server.url);

    expect(await toxiproxy.getVersion()).toContain('version');
    const proxy = await toxiproxy.createProxy({
      name: 'redis',
      listen: '127.0.0.1:0',
      upstream: `127.0.0.1:${echo.port}`,
    });
    expect(proxy.name).toBe('redis');
    expect(proxy.enabled).toBe(true);
    const port = portOf(proxy.listen);

    const socket = await connect(port, cleanup);
    const base = percentile([await roundTrip(socket), await roundTrip(socket), await roundTrip(socket)], 50);

    const body: ICreateToxicBody<Latency> = {
      type: 'latency',
      stream: 'downstream',
      toxicity: 1,
      attributes: { latency: 80, jitter: 0 },
    };
    const toxic = await proxy.addToxic(body);
    expect(toxic.name).toBe('latency_downstream');
    expect(toxic.attributes).toEqual({ latency: 80, jitter: 0 });
    expect(await roundTrip(socket)).toBeGreaterThan(base + 75);

    const fetched = await (await toxiproxy.get('redis')).getToxic('latency_downstream');
    expect(fetched.toxicity).toBe(1);
    const updated = await fetched.update({ ...body, attributes: { latency: 10, jitter: 0 } });
    expect(updated.attributes).toEqual({ latency: 10, jitter: 0 });

    await updated.remove();
    expect(await roundTrip(socket)).toBeLessThan(60);

    const disabled = await proxy.update({ ...proxy.toJson(), enabled: false });
    expect(disabled.enabled).toBe(false);
    await toxiproxy.reset();
    expect((await toxiproxy.get('redis')).enabled).toBe(true);

    const all = await toxiproxy.getAll();
    expect(Object.keys(all)).toEqual(['redis']);
    const populated = await toxiproxy.populate([
      { name: 'other', listen: '127.0.0.1:0', upstream: `127.0.0.1:${echo.port}` },
    ]);
    expect(Object.keys(populated)).toEqual(['other']);
    await all.redis.remove();
    await expect(toxiproxy.get('redis')).rejects.toThrow(/404/);
  });
});
