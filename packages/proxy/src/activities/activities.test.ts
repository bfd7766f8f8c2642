import http from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { ActivityFailedError, type ActivityContext, type RevertSpec } from '@faultline/core';
import { createTestContext, type TestContext } from '@faultline/core/testing';
import { Cleanup, connect, echoServer, listen, portOf, roundTrip, startApi } from '../__fixtures__/net-fixtures.js';
import { driver, pythonPrefixes } from './index.js';

const cleanup = new Cleanup();
afterEach(() => cleanup.run());

function activity(name: string) {
  const found = driver.activities.find((a) => a.name === name);
  if (!found) throw new Error(`no activity ${name}`);
  return found;
}

async function run(name: string, args: Record<string, unknown>, ctx: ActivityContext): Promise<unknown> {
  const definition = activity(name);
  return definition.run(definition.arguments.parse(args), ctx);
}

/** Replays a recorded revert the way `faultline revert` does: by driver + func + arguments. */
async function revert(spec: RevertSpec, ctx: ActivityContext): Promise<unknown> {
  expect(spec.driver).toBe(driver.name);
  return run(spec.func, spec.arguments, ctx);
}

async function setup(): Promise<{ ctx: TestContext; base: string; echoPort: number }> {
  const echo = await echoServer(cleanup);
  const server = await startApi(cleanup);
  const { hostname, port } = new URL(server.url);
  // chaostoolkit-toxiproxy's configuration keys.
  const ctx = createTestContext({ configuration: { toxiproxy_host: hostname, toxiproxy_port: Number(port) } });
  return { ctx, base: server.url, echoPort: echo.port };
}

const getJson = async (url: string): Promise<any> => (await fetch(url)).json();

describe('@faultline/proxy driver', () => {
  it('exports a driver whose chaostoolkit-toxiproxy names and modules match the Python ones', () => {
    expect(driver.name).toBe('@faultline/proxy');
    expect(pythonPrefixes).toEqual(['chaostoxi']);
    const byModule = (module: string) =>
      driver.activities
        .filter((a) => a.python?.includes(module))
        .map((a) => a.name)
        .sort();
    expect(byModule('chaostoxi.proxy.actions')).toEqual([
      'create_proxy',
      'delete_proxy',
      'disable_proxy',
      'enable_proxy',
      'modify_proxy',
      'reset',
    ]);
    expect(byModule('chaostoxi.proxy.probes')).toEqual(['get_proxy_attribute', 'proxy_exist']);
    expect(byModule('chaostoxi.toxic.actions')).toEqual(
      [
        'create_bandwith_degradation_toxic',
        'create_latency_toxic',
        'create_limiter_toxic',
        'create_slicer_toxic',
        'create_slow_connection_close_toxic',
        'create_timeout_toxic',
        'create_toxic',
        'delete_toxic',
      ].sort(),
    );
    expect(new Set(driver.activities.map((a) => a.name)).size).toBe(driver.activities.length);
    for (const a of driver.activities)
      if (a.type === 'action' && a.name !== 'restore_proxies') expect(a.mutating).toBe(true);
  });

  it('create proxy → add toxic → reverts undo each step, registered before acting', async () => {
    const { ctx, base, echoPort } = await setup();
    const created = (await run(
      'create_proxy',
      { proxy_name: 'db', upstream_host: '127.0.0.1', upstream_port: echoPort },
      ctx,
    )) as { listen: string };
    expect(ctx.reverts[0]).toMatchObject({
      driver: '@faultline/proxy',
      func: 'delete_proxy',
      arguments: { proxy_name: 'db' },
    });
    expect(await run('proxy_exist', { proxy_name: 'db' }, ctx)).toBe(true);
    expect(await run('get_proxy_attribute', { proxy_name: 'db', attribute: 'enabled' }, ctx)).toBe(true);
    const socket = await connect(portOf(created.listen), cleanup);

    await run('create_latency_toxic', { for_proxy: 'db', toxic_name: 'slow', latency: '120ms' }, ctx);
    expect(ctx.reverts[1]).toMatchObject({ func: 'delete_toxic', arguments: { for_proxy: 'db', toxic_name: 'slow' } });
    expect((await getJson(`${base}/proxies/db/toxics/slow`)).attributes).toEqual({ latency: 120, jitter: 0 });
    expect(await roundTrip(socket)).toBeGreaterThan(115);

    await run('update_toxic', { for_proxy: 'db', toxic_name: 'slow', attributes: { latency: 10 } }, ctx);
    expect(ctx.reverts[2]).toMatchObject({
      func: 'update_toxic',
      arguments: { attributes: { latency: 120, jitter: 0 }, toxicity: 1 },
    });
    await revert(ctx.reverts[2], createTestContext(ctx));
    expect((await getJson(`${base}/proxies/db/toxics/slow`)).attributes.latency).toBe(120);

    await revert(ctx.reverts[1], createTestContext(ctx));
    expect(await getJson(`${base}/proxies/db/toxics`)).toEqual([]);
    expect(await roundTrip(socket)).toBeLessThan(100);

    await revert(ctx.reverts[0], createTestContext(ctx));
    expect(await run('proxy_exist', { proxy_name: 'db' }, ctx)).toBe(false);
  });

  it('delete_toxic, disable_proxy, reset and delete_proxy are reverted to the exact previous state', async () => {
    const { ctx, base, echoPort } = await setup();
    await run('create_proxy', { proxy_name: 'api', upstream_host: '127.0.0.1', upstream_port: String(echoPort) }, ctx);
    await run(
      'create_toxic',
      {
        for_proxy: 'api',
        toxic_name: 'bw',
        toxic_type: 'bandwidth',
        stream: 'upstream',
        toxicity: 0.5,
        attributes: { rate: 50 },
      },
      ctx,
    );
    const toxicsBefore = await getJson(`${base}/proxies/api/toxics`);

    const fresh = () => createTestContext({ configuration: ctx.configuration });
    const del = fresh();
    expect(await run('delete_toxic', { for_proxy: 'api', toxic_name: 'bw' }, del)).toBe(true);
    expect(await run('delete_toxic', { for_proxy: 'api', toxic_name: 'bw' }, fresh())).toBe(false);
    await revert(del.reverts[0], fresh());
    expect(await getJson(`${base}/proxies/api/toxics`)).toEqual(toxicsBefore);

    const dis = fresh();
    await run('disable_proxy', { proxy_name: 'api' }, dis);
    expect((await getJson(`${base}/proxies/api`)).enabled).toBe(false);
    await revert(dis.reverts[0], fresh());
    expect((await getJson(`${base}/proxies/api`)).enabled).toBe(true);

    const before = await getJson(`${base}/proxies/api`);
    const rst = fresh();
    expect(await run('reset', {}, rst)).toBe(true);
    expect((await getJson(`${base}/proxies/api`)).toxics).toEqual([]);
    await revert(rst.reverts[0], fresh());
    expect(await getJson(`${base}/proxies/api`)).toEqual(before);

    const gone = fresh();
    await run('delete_proxy', { proxy_name: 'api' }, gone);
    expect((await fetch(`${base}/proxies/api`)).status).toBe(404);
    await revert(gone.reverts[0], fresh());
    const back = await getJson(`${base}/proxies/api`);
    expect(back).toEqual(before);
    const socket = await connect(portOf(back.listen), cleanup);
    expect(await roundTrip(socket)).toBeGreaterThan(0);
  });

  it('adds and removes HTTP faults with Istio-style arguments, and reverts them', async () => {
    const upstream = http.createServer((_req, res) => res.end('ok'));
    const upstreamPort = await listen(upstream, cleanup);
    const { ctx, base } = await setup();
    const proxy = (await run(
      'create_proxy',
      { proxy_name: 'payment', upstream_host: '127.0.0.1', upstream_port: upstreamPort, protocol: 'http' },
      ctx,
    )) as { listen: string };
    const url = `http://127.0.0.1:${portOf(proxy.listen)}/pay`;

    await run(
      'add_http_abort_fault',
      { proxy_name: 'payment', http_status: 503, percentage: 100, match: { uri: { prefix: '/pay' } } },
      ctx,
    );
    expect(ctx.reverts[1]).toMatchObject({
      func: 'remove_http_fault',
      arguments: { proxy_name: 'payment', fault_name: 'abort' },
    });
    expect((await fetch(url)).status).toBe(503);
    await run('add_http_delay_fault', { proxy_name: 'payment', fixed_delay: '2s', percentage: 50 }, ctx);
    expect((await getJson(`${base}/proxies/payment/faults/delay`)).delay).toEqual({
      fixedDelay: '2000ms',
      percentage: { value: 50 },
    });

    const rm = createTestContext({ configuration: ctx.configuration });
    expect(await run('remove_http_fault', { proxy_name: 'payment', fault_name: 'abort' }, rm)).toBe(true);
    // Only the abort went away; the delay fault stays.
    expect((await getJson(`${base}/proxies/payment/faults`)).map((f: { name: string }) => f.name)).toEqual(['delay']);
    await run(
      'remove_http_fault',
      { proxy_name: 'payment', fault_name: 'delay' },
      createTestContext({ configuration: ctx.configuration }),
    );
    expect((await fetch(url)).status).toBe(200);
    await revert(rm.reverts[0], createTestContext({ configuration: ctx.configuration }));
    expect((await fetch(url)).status).toBe(503);

    // Deleting an HTTP proxy and reverting brings back its protocol and faults.
    const before = await getJson(`${base}/proxies/payment/faults`);
    const del = createTestContext({ configuration: ctx.configuration });
    await run('delete_proxy', { proxy_name: 'payment' }, del);
    await revert(del.reverts[0], createTestContext({ configuration: ctx.configuration }));
    expect((await getJson(`${base}/proxies/payment`)).protocol).toBe('http');
    expect(await getJson(`${base}/proxies/payment/faults`)).toEqual(before);
    expect((await fetch(url)).status).toBe(503);
  });

  it('does not claim what it did not create, honours dry-run and explains an unreachable API', async () => {
    const { ctx, echoPort } = await setup();
    await run('create_proxy', { proxy_name: 'x', upstream_host: '127.0.0.1', upstream_port: echoPort }, ctx);
    const again = createTestContext({ configuration: ctx.configuration });
    await expect(
      run('create_proxy', { proxy_name: 'x', upstream_host: '127.0.0.1', upstream_port: echoPort }, again),
    ).rejects.toThrow(/already exists/);
    expect(again.reverts[0].done).toBe(true);

    const dry = createTestContext({ configuration: ctx.configuration, dryRun: true });
    expect(await run('create_timeout_toxic', { for_proxy: 'x', toxic_name: 't', timeout: 0 }, dry)).toMatchObject({
      dry_run: true,
    });
    expect(dry.reverts).toEqual([]);
    expect(await run('get_proxy_attribute', { proxy_name: 'x', attribute: 'toxics' }, ctx)).toEqual([]);

    const closedPort = portOf((await startApi(cleanup)).url.replace(/\/$/, ''));
    await cleanup.run();
    const offline = createTestContext({ configuration: { faultline_proxy_url: `http://127.0.0.1:${closedPort}` } });
    const failure = await run('reset', {}, offline).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(ActivityFailedError);
    expect((failure as ActivityFailedError).code).toBe('E_PROXY_UNREACHABLE');
    expect((failure as ActivityFailedError).hint).toContain('faultline proxy');
  });

  it('refuses a toxic wait over the 100-year maximum when the arguments are checked (validate)', () => {
    const latency = activity('create_latency_toxic').arguments;
    const args = { for_proxy: 'p', toxic_name: 't', latency: 1e12 };
    expect(latency.safeParse(args).success).toBe(true);
    const over = latency.safeParse({ ...args, latency: 4e12 });
    expect(over.success).toBe(false);
    expect(JSON.stringify(over.error?.issues)).toContain('at most');
    const timeout = activity('create_timeout_toxic').arguments;
    expect(timeout.safeParse({ for_proxy: 'p', toxic_name: 't', timeout: '30d' }).success).toBe(true);
    expect(timeout.safeParse({ for_proxy: 'p', toxic_name: 't', timeout: '200000d' }).success).toBe(false);
  });
});
