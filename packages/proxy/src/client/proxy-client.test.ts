import { afterEach, describe, expect, it } from 'vitest';
import { Cleanup, echoServer, startApi } from '../__fixtures__/net-fixtures.js';
import { ProxyApiError, ProxyClient } from './index.js';

const cleanup = new Cleanup();
afterEach(() => cleanup.run());

describe('ProxyClient', () => {
  it('drives proxies, toxics and faults with typed answers and readable errors', async () => {
    const echo = await echoServer(cleanup);
    const server = await startApi(cleanup, { token: 'tok' });
    const client = new ProxyClient(`${server.url}/`, { token: 'tok' });

    expect(await client.version()).toMatch(/\d+\.\d+\.\d+/);
    const proxy = await client.createProxy({
      name: 'web',
      listen: '127.0.0.1:0',
      upstream: `127.0.0.1:${echo.port}`,
      protocol: 'http',
    });
    expect(proxy).toMatchObject({ name: 'web', enabled: true, protocol: 'http', toxics: [] });
    expect(Object.keys(await client.proxies())).toEqual(['web']);
    expect(await client.findProxy('nope')).toBeUndefined();

    const toxic = await client.addToxic('web', { type: 'latency', attributes: { latency: 5 } });
    expect(toxic.name).toBe('latency_downstream');
    expect((await client.updateToxic('web', toxic.name, { toxicity: 0.5 })).toxicity).toBe(0.5);
    expect(await client.toxics('web')).toHaveLength(1);
    await client.removeToxic('web', toxic.name);

    const fault = await client.addFault('web', { name: 'boom', abort: { httpStatus: 503, percentage: { value: 10 } } });
    expect(fault.abort?.httpStatus).toBe(503);
    expect(
      (await client.updateFault('web', 'boom', { abort: { httpStatus: 500, percentage: { value: 10 } } })).abort
        ?.httpStatus,
    ).toBe(500);
    expect(await client.faults('web')).toHaveLength(1);
    await client.removeFault('web', 'boom');

    expect((await client.updateProxy('web', { enabled: false })).enabled).toBe(false);
    await client.reset();
    expect((await client.proxy('web')).enabled).toBe(true);
    expect(
      await client.populate([{ name: 'web2', listen: '127.0.0.1:0', upstream: `127.0.0.1:${echo.port}` }]),
    ).toHaveLength(1);

    const missing = await client.toxic('web', 'ghost').catch((error: unknown) => error);
    expect(missing).toBeInstanceOf(ProxyApiError);
    expect(missing).toMatchObject({ status: 404, message: 'GET /proxies/web/toxics/ghost: HTTP 404: toxic not found' });

    const anonymous = await new ProxyClient(server.url).proxies().catch((error: unknown) => error);
    expect(anonymous).toMatchObject({ status: 401 });
    await client.deleteProxy('web');
    await client.deleteProxy('web2');
    expect(await client.proxies()).toEqual({});
  });

  it('reports an unreachable API as status 0 with the cause', async () => {
    const server = await startApi(new Cleanup());
    const url = server.url;
    await server.close();
    const client = new ProxyClient(url, { timeoutMs: 2000 });
    const error = await client.proxies().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ProxyApiError);
    expect(error).toMatchObject({ status: 0, message: expect.stringMatching(/ECONNREFUSED|connect/) });
  });
});
