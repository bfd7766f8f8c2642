import { createServer, type Server } from 'node:http';
import type { ActivityDefinition } from '@faultline/core';
import { createTestContext } from '@faultline/core/testing';
import { afterEach, describe, expect, it } from 'vitest';
import { close, listen } from '../__fixtures__/http-fixtures.js';
import { createMonkey } from '../monkey/create-monkey.js';
import { driver } from './driver.js';

const quiet = { info() {}, warn() {} };
const servers: Server[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map(close));
});

async function nodeService() {
  const monkey = createMonkey({ logger: quiet });
  const server = createServer(
    monkey.http(
      (_req, res) => {
        res.end('ok');
      },
      { actuator: monkey.actuator({ token: 'tok' }) },
    ),
  );
  servers.push(server);
  return { monkey, baseUrl: `${await listen(server)}/actuator` };
}

function activity(name: string): ActivityDefinition {
  const found = driver.activities.find((a) => a.name === name);
  if (!found) throw new Error(`no activity ${name}`);
  return found;
}

async function run(
  name: string,
  args: Record<string, unknown>,
  ctx = createTestContext({ secrets: { chaosmonkey_token: 'tok' } }),
) {
  const def = activity(name);
  return { result: await def.run(def.arguments.parse(args), ctx), ctx };
}

describe('chaosspring activities against a Node service', () => {
  it('serves the chaostoolkit-spring names under their python modules', () => {
    const names = (module: string) =>
      driver.activities
        .filter((a) => a.python?.includes(module))
        .map((a) => a.name)
        .sort();
    expect(names('chaosspring.actions')).toEqual([
      'change_assaults_configuration',
      'change_watcher_configuration',
      'disable_chaosmonkey',
      'enable_chaosmonkey',
    ]);
    expect(names('chaosspring.probes')).toEqual([
      'assault_configuration',
      'assaults_configuration',
      'chaosmonkey_enabled',
      'watcher_configuration',
    ]);
    expect(driver.activities.filter((a) => a.mutating).length).toBe(4);
  });

  it('enables with a revert registered first, and the revert disables again', async () => {
    const { monkey, baseUrl } = await nodeService();
    expect((await run('chaosmonkey_enabled', { base_url: baseUrl })).result).toBe(false);
    const { result, ctx } = await run('enable_chaosmonkey', { base_url: baseUrl });
    expect(JSON.parse(result as string)).toMatchObject({ enabled: true });
    expect(monkey.status().enabled).toBe(true);
    expect(ctx.reverts).toEqual([
      expect.objectContaining({
        driver: '@faultline/monkey',
        func: 'disable_chaosmonkey',
        arguments: { base_url: baseUrl },
      }),
    ]);
    expect((await run('chaosmonkey_enabled', { base_url: baseUrl })).result).toBe(true);
    await run(ctx.reverts[0]!.func, ctx.reverts[0]!.arguments);
    expect(monkey.status().enabled).toBe(false);
  });

  it('changes assaults and watchers, reverting exactly the values it replaced', async () => {
    const { monkey, baseUrl } = await nodeService();
    monkey.updateConfig({ level: 4, latency: { minMs: 100, maxMs: 200 } });
    const change = { level: 2, latencyActive: true, latencyRangeStart: 300, latencyRangeEnd: 400 };
    const { result, ctx } = await run('change_assaults_configuration', {
      base_url: baseUrl,
      assaults_configuration: change,
    });
    expect(result).toBe('Assault config has changed');
    expect(monkey.getConfig()).toMatchObject({ level: 2, latency: { enabled: true, minMs: 300, maxMs: 400 } });
    expect(ctx.reverts[0]!.arguments).toEqual({
      base_url: baseUrl,
      assaults_configuration: { level: 4, latencyActive: false, latencyRangeStart: 100, latencyRangeEnd: 200 },
    });
    expect((await run('assaults_configuration', { base_url: baseUrl })).result).toMatchObject({ level: 2 });
    await run(ctx.reverts[0]!.func, ctx.reverts[0]!.arguments);
    expect(monkey.getConfig()).toMatchObject({ level: 4, latency: { enabled: false, minMs: 100, maxMs: 200 } });

    const w = await run('change_watcher_configuration', {
      base_url: baseUrl,
      watchers_configuration: { repository: false },
    });
    expect(monkey.getConfig().watchers.repository).toBe(false);
    expect((await run('watcher_configuration', { base_url: baseUrl })).result).toMatchObject({ repository: false });
    await run(w.ctx.reverts[0]!.func, w.ctx.reverts[0]!.arguments);
    expect(monkey.getConfig().watchers.repository).toBe(true);
  });

  it('changes nothing in dry-run, and fails with a hint on a 400 or without a token', async () => {
    const { monkey, baseUrl } = await nodeService();
    const dry = createTestContext({ dryRun: true, secrets: { chaosmonkey_token: 'tok' } });
    await run('enable_chaosmonkey', { base_url: baseUrl }, dry);
    expect(monkey.status().enabled).toBe(false);
    expect(dry.reverts).toEqual([]);
    await expect(
      run('change_assaults_configuration', { base_url: baseUrl, assaults_configuration: { level: 0 } }),
    ).rejects.toThrow(/HTTP 400.*level: must be greater than or equal to 1/);
    await expect(run('enable_chaosmonkey', { base_url: baseUrl }, createTestContext())).rejects.toMatchObject({
      message: expect.stringMatching(/HTTP 401/),
      hint: expect.stringMatching(/chaosmonkey_token/),
    });
    // A token in headers works too, and stays out of the revert (reverts land in the journal).
    const ctx = createTestContext();
    await run(
      'enable_chaosmonkey',
      { base_url: baseUrl, headers: { Authorization: 'Bearer tok', 'X-Team': 'orders' } },
      ctx,
    );
    expect(ctx.reverts[0]!.arguments).toEqual({ base_url: baseUrl, headers: { 'X-Team': 'orders' } });
  });
});

describe('against Spring Boot 2.x-style answers', () => {
  it('takes a timeout up to 30 days, and refuses longer or unreadable ones up front', () => {
    const args = (timeout: unknown) =>
      activity('chaosmonkey_enabled').arguments.safeParse({ base_url: 'http://127.0.0.1:1/actuator', timeout });
    for (const ok of [30, '500ms', '2m', '25d', '30d']) expect(args(ok).success).toBe(true);
    for (const bad of ['31d', 1e12, '1e400', 'soon', -1]) {
      const parsed = args(bad);
      expect(parsed.success).toBe(false);
      expect(JSON.stringify(parsed.error?.issues)).toMatch(/duration up to 30 days/);
    }
  });

  it('gives up on a service that never answers after the timeout', async () => {
    const silent = createServer(() => {});
    servers.push(silent);
    const base_url = `${await listen(silent)}/actuator`;
    const started = performance.now();
    await expect(run('chaosmonkey_enabled', { base_url, timeout: '300ms' })).rejects.toThrow(/no answer within 300 ms/);
    expect(performance.now() - started).toBeGreaterThanOrEqual(290);
  });

  it('reads status from 200/503 text and falls back to /watcher', async () => {
    let on = false;
    const server = createServer((req, res) => {
      if (req.url === '/actuator/chaosmonkey/status') {
        res.statusCode = on ? 200 : 503;
        res.end(on ? 'Ready to be evil!' : 'You switched me off!');
      } else if (req.url === '/actuator/chaosmonkey/watcher') {
        res.setHeader('content-type', 'application/json');
        res.end('{"service":true}');
      } else {
        res.statusCode = 404;
        res.end();
      }
    });
    servers.push(server);
    const baseUrl = `${await listen(server)}/actuator`;
    expect((await run('chaosmonkey_enabled', { base_url: baseUrl })).result).toBe(false);
    on = true;
    expect((await run('chaosmonkey_enabled', { base_url: baseUrl })).result).toBe(true);
    expect((await run('watcher_configuration', { base_url: baseUrl })).result).toEqual({ service: true });
  });
});
