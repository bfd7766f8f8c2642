import { afterEach, describe, expect, it } from 'vitest';
import {
  api,
  Cleanup,
  connect,
  echoServer,
  portOf,
  readBytes,
  roundTrip,
  startApi,
  waitFor,
} from '../__fixtures__/net-fixtures.js';

const cleanup = new Cleanup();
afterEach(() => cleanup.run());

describe('Toxiproxy HTTP API', () => {
  it('creates, lists, shows, updates and deletes proxies with Toxiproxy shapes and codes', async () => {
    const echo = await echoServer(cleanup);
    const server = await startApi(cleanup);
    const base = server.url;

    const created = await api(base, 'POST', '/proxies', {
      name: 'echo',
      listen: '127.0.0.1:0',
      upstream: `127.0.0.1:${echo.port}`,
    });
    expect(created.status).toBe(201);
    expect(created.json).toEqual({
      name: 'echo',
      listen: expect.stringMatching(/^127\.0\.0\.1:\d+$/),
      upstream: `127.0.0.1:${echo.port}`,
      enabled: true,
      toxics: [],
    });
    expect(portOf(created.json.listen)).toBeGreaterThan(0);

    const socket = await connect(portOf(created.json.listen), cleanup);
    socket.write('hello');
    expect((await readBytes(socket, 5)).toString()).toBe('hello');

    expect((await api(base, 'GET', '/proxies')).json).toEqual({ echo: created.json });
    expect((await api(base, 'GET', '/proxies/echo')).json).toEqual(created.json);
    expect(await api(base, 'POST', '/proxies', { name: 'echo', upstream: 'x:1' })).toMatchObject({
      status: 409,
      json: { error: 'proxy already exists', status: 409 },
    });
    expect(await api(base, 'POST', '/proxies', { upstream: 'x:1' })).toMatchObject({
      status: 400,
      json: { error: 'missing required field: name', status: 400 },
    });
    expect(await api(base, 'POST', '/proxies', { name: 'n' })).toMatchObject({
      status: 400,
      json: { error: 'missing required field: upstream' },
    });
    expect(await api(base, 'POST', '/proxies', '{nope')).toMatchObject({
      status: 400,
      json: { error: expect.stringMatching(/^bad request body: /) },
    });
    expect(await api(base, 'GET', '/proxies/missing')).toMatchObject({
      status: 404,
      json: { error: 'proxy not found', status: 404 },
    });

    const closed = new Promise((resolve) => socket.once('close', resolve));
    const disabled = await api(base, 'PATCH', '/proxies/echo', { enabled: false });
    expect(disabled).toMatchObject({ status: 200, json: { enabled: false } });
    await closed;
    const enabled = await api(base, 'POST', '/proxies/echo', { enabled: true });
    expect(enabled.json.enabled).toBe(true);

    expect((await api(base, 'DELETE', '/proxies/echo')).status).toBe(204);
    expect((await api(base, 'GET', '/proxies')).json).toEqual({});
  });

  it('adds, shows, updates and removes toxics with defaults, codes and errors', async () => {
    const echo = await echoServer(cleanup);
    const server = await startApi(cleanup);
    const base = server.url;
    await api(base, 'POST', '/proxies', { name: 'p', listen: '127.0.0.1:0', upstream: `127.0.0.1:${echo.port}` });

    const added = await api(base, 'POST', '/proxies/p/toxics', { type: 'latency', attributes: { latency: 50 } });
    expect(added).toMatchObject({ status: 200 });
    expect(added.json).toEqual({
      attributes: { latency: 50, jitter: 0 },
      name: 'latency_downstream',
      type: 'latency',
      stream: 'downstream',
      toxicity: 1,
    });
    expect(await api(base, 'POST', '/proxies/p/toxics', { type: 'latency' })).toMatchObject({
      status: 409,
      json: { error: 'toxic already exists' },
    });
    expect(await api(base, 'POST', '/proxies/p/toxics', { type: 'nope' })).toMatchObject({
      status: 400,
      json: { error: 'invalid toxic type' },
    });
    expect(await api(base, 'POST', '/proxies/p/toxics', { type: 'latency', stream: 'sideways' })).toMatchObject({
      status: 400,
      json: { error: 'stream was invalid, can be either upstream or downstream' },
    });
    expect(
      await api(base, 'POST', '/proxies/p/toxics', { type: 'latency', name: 'x', attributes: { latency: 'slow' } }),
    ).toMatchObject({ status: 400 });

    const up = await api(base, 'POST', '/proxies/p/toxics', {
      type: 'bandwidth',
      stream: 'upstream',
      toxicity: 0.5,
      attributes: { rate: 100 },
    });
    expect(up.json).toEqual({
      attributes: { rate: 100 },
      name: 'bandwidth_upstream',
      type: 'bandwidth',
      stream: 'upstream',
      toxicity: 0.5,
    });
    // Upstream toxics are listed first, as Toxiproxy does.
    expect((await api(base, 'GET', '/proxies/p/toxics')).json.map((t: { name: string }) => t.name)).toEqual([
      'bandwidth_upstream',
      'latency_downstream',
    ]);

    const updated = await api(base, 'PATCH', '/proxies/p/toxics/latency_downstream', { attributes: { jitter: 5 } });
    expect(updated.json).toEqual({
      attributes: { latency: 50, jitter: 5 },
      name: 'latency_downstream',
      type: 'latency',
      stream: 'downstream',
      toxicity: 1,
    });
    expect((await api(base, 'POST', '/proxies/p/toxics/latency_downstream', { toxicity: 0.25 })).json.toxicity).toBe(
      0.25,
    );
    expect(await api(base, 'GET', '/proxies/p/toxics/nope')).toMatchObject({
      status: 404,
      json: { error: 'toxic not found', status: 404 },
    });
    expect((await api(base, 'DELETE', '/proxies/p/toxics/latency_downstream')).status).toBe(204);
    expect((await api(base, 'DELETE', '/proxies/p/toxics/latency_downstream')).status).toBe(404);
    expect((await api(base, 'GET', '/proxies/p')).json.toxics).toHaveLength(1);
  });

  it('populates, resets (re-enables, drops toxics), reports version and metrics', async () => {
    const echo = await echoServer(cleanup);
    const server = await startApi(cleanup);
    const base = server.url;
    const body = [
      { name: 'a', listen: '127.0.0.1:0', upstream: `127.0.0.1:${echo.port}` },
      { name: 'b', listen: '127.0.0.1:0', upstream: `127.0.0.1:${echo.port}`, enabled: false },
    ];
    const populated = await api(base, 'POST', '/populate', body);
    expect(populated.status).toBe(201);
    expect(populated.json.proxies.map((p: { name: string; enabled: boolean }) => [p.name, p.enabled])).toEqual([
      ['a', true],
      ['b', false],
    ]);
    expect(await api(base, 'POST', '/populate', [{ name: 'c' }])).toMatchObject({
      status: 400,
      json: { error: 'missing required field: upstream at proxy 1' },
    });
    // Populating again with the same addresses keeps the proxies (and their connections) as they are.
    const live = await connect(portOf(populated.json.proxies[0].listen), cleanup);
    const again = await api(
      base,
      'POST',
      '/populate',
      populated.json.proxies.map((p: { name: string; listen: string; upstream: string }) => ({
        name: p.name,
        listen: p.listen,
        upstream: p.upstream,
      })),
    );
    expect(again.json.proxies.map((p: { listen: string }) => p.listen)).toEqual(
      populated.json.proxies.map((p: { listen: string }) => p.listen),
    );
    expect(await roundTrip(live)).toBeGreaterThan(0); // 4 bytes each way
    live.destroy();
    await waitFor(() => server.collection.get('a').connections.size === 0);

    await api(base, 'POST', '/proxies/a/toxics', { type: 'timeout' });
    const socket = await connect(portOf(populated.json.proxies[0].listen), cleanup);
    await waitFor(() => server.collection.get('a').connections.size === 1);
    const closed = new Promise((resolve) => socket.once('close', resolve));
    expect((await api(base, 'POST', '/reset')).status).toBe(204);
    const after = (await api(base, 'GET', '/proxies')).json;
    expect(after.a.toxics).toEqual([]);
    expect(after.b.enabled).toBe(true);
    // Removing the timeout toxic closes its connections (Toxiproxy does the same).
    await closed;

    const fresh = await connect(portOf(after.a.listen), cleanup);
    expect(await roundTrip(fresh, 'x'.repeat(1000))).toBeGreaterThan(0);

    const version = await api(base, 'GET', '/version');
    expect(version.json).toEqual({ version: expect.any(String) });
    const metrics = await api(base, 'GET', '/metrics');
    expect(metrics.text).toMatch(
      /toxiproxy_proxy_received_bytes_total\{direction="upstream",proxy="a",listener="127\.0\.0\.1:\d+",upstream="[^"]+"\} 1004/,
    );
    expect(metrics.text).toMatch(/toxiproxy_proxy_sent_bytes_total\{direction="downstream",proxy="a",[^}]*\} 1004/);
    expect(metrics.text).toContain('faultline_proxy_connections{proxy="a"} 1');
  });

  it('refuses browsers and, with a token, unauthenticated calls', async () => {
    const server = await startApi(cleanup, { token: 's3cret' });
    const browser = await fetch(`${server.url}/proxies`, {
      headers: { 'user-agent': 'Mozilla/5.0', authorization: 'Bearer s3cret' },
    });
    expect(browser.status).toBe(403);
    expect((await fetch(`${server.url}/proxies`)).status).toBe(401);
    expect((await fetch(`${server.url}/proxies`, { headers: { authorization: 'Bearer wrong!' } })).status).toBe(401);
    expect((await fetch(`${server.url}/proxies`, { headers: { authorization: 'Bearer s3cret' } })).status).toBe(200);
    expect((await fetch(`${server.url}/version`)).status).toBe(200);
  });

  it('moving a proxy to an address in use answers 409 and leaves it exactly as it was', async () => {
    const echo = await echoServer(cleanup);
    const server = await startApi(cleanup);
    const base = server.url;
    const upstream = `127.0.0.1:${echo.port}`;
    const a = (await api(base, 'POST', '/proxies', { name: 'a', listen: '127.0.0.1:0', upstream })).json;
    const b = (await api(base, 'POST', '/proxies', { name: 'b', listen: '127.0.0.1:0', upstream })).json;
    const socket = await connect(portOf(a.listen), cleanup);
    await roundTrip(socket);

    for (const method of ['POST', 'PATCH']) {
      const moved = await api(base, method, '/proxies/a', { listen: b.listen });
      expect(moved).toMatchObject({
        status: 409,
        json: { error: `listen tcp ${b.listen}: address already in use`, status: 409 },
      });
      expect((await api(base, 'GET', '/proxies/a')).json).toEqual(a);
      // The live connection was not touched and new ones still get through.
      expect(await roundTrip(socket)).toBeGreaterThan(0);
      expect(await roundTrip(await connect(portOf(a.listen), cleanup))).toBeGreaterThan(0);
    }
    expect((await api(base, 'POST', '/proxies/a', { listen: 'no port' })).status).toBe(400);
    expect((await api(base, 'GET', '/proxies/a')).json).toEqual(a);

    // Disabled, then enabled on a busy address: still disabled, still on its own address.
    await api(base, 'POST', '/proxies/a', { enabled: false });
    const before = (await api(base, 'GET', '/proxies/a')).json;
    expect((await api(base, 'POST', '/proxies/a', { listen: b.listen, enabled: true })).status).toBe(409);
    expect((await api(base, 'GET', '/proxies/a')).json).toEqual(before);

    // A free address moves it.
    const moved = await api(base, 'POST', '/proxies/a', { listen: '127.0.0.1:0', enabled: true });
    expect(moved).toMatchObject({ status: 200, json: { enabled: true } });
    expect(await roundTrip(await connect(portOf(moved.json.listen), cleanup))).toBeGreaterThan(0);
  });

  it('refuses an empty token instead of running without authentication', async () => {
    await expect(startApi(cleanup, { token: '' })).rejects.toMatchObject({ exitCode: 64, code: 'E_PROXY_TOKEN' });
  });
});
