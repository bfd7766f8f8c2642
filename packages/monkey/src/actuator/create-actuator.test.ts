import { execFile } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import { promisify } from 'node:util';
import express from 'express';
import { findSystemBinary } from '@faultline/core/testing';
import { afterEach, describe, expect, it } from 'vitest';
import { call, close, listen } from '../__fixtures__/http-fixtures.js';
import { createMonkey } from '../monkey/create-monkey.js';
import type { ChaosMonkeyInstance, MonkeyOptions } from '../monkey/monkey-types.js';
import type { ActuatorOptions } from './actuator-options.js';

const quiet = { info() {}, warn() {} };
const servers: Server[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map(close));
});

async function app(actuator: ActuatorOptions, options: MonkeyOptions = {}, bodyParser = false) {
  const monkey: ChaosMonkeyInstance = createMonkey({ logger: quiet, ...options });
  const a = express();
  if (bodyParser) a.use(express.json());
  a.use(monkey);
  a.use(monkey.actuator(actuator));
  a.get('/api/orders', (_req, res) => {
    res.json({ orders: [] });
  });
  const server = createServer(a);
  servers.push(server);
  return { base: await listen(server), monkey };
}

// The seed's curl commands, character for character; only the host and port are substituted.
const seedCurls = [
  `curl -X POST http://localhost:8080/actuator/chaosmonkey/enable`,
  `curl -X POST http://localhost:8080/actuator/chaosmonkey/assaults \\
  -H "Content-Type: application/json" \\
  -d '{
    "level": 5,
    "latencyActive": true,
    "latencyRangeStart": 1000,
    "latencyRangeEnd": 3000,
    "exceptionsActive": true,
    "killApplicationActive": false
  }'`,
  `curl -X POST http://localhost:8080/actuator/chaosmonkey/watchers \\
  -H "Content-Type: application/json" \\
  -d '{
    "controller": true,
    "service": true,
    "repository": false,
    "component": false,
    "restController": true
  }'`,
];

const curl = findSystemBinary('curl');

describe('the seed curl commands', () => {
  for (const bodyParser of [false, true]) {
    it.skipIf(!curl)(
      `configure a Node service as they do a Spring one (${bodyParser ? 'with' : 'without'} express.json())`,
      async () => {
        const { base, monkey } = await app({ token: false }, {}, bodyParser);
        const outputs: string[] = [];
        for (const command of seedCurls) {
          const { stdout } = await promisify(execFile)('sh', [
            '-c',
            `${command.replace('http://localhost:8080', base)} -s -w '\\n%{http_code}'`,
          ]);
          outputs.push(stdout);
        }
        const [enable, assaults, watchers] = outputs.map((o) => {
          const lines = o.trimEnd().split('\n');
          return { status: Number(lines.pop()), body: lines.join('\n') };
        });
        expect(enable!.status).toBe(200);
        expect(JSON.parse(enable!.body)).toMatchObject({ enabled: true, status: 'Chaos Monkey is enabled' });
        expect(assaults).toEqual({ status: 200, body: 'Assault config has changed' });
        expect(watchers).toEqual({ status: 200, body: 'Watcher config has changed' });
        expect(monkey.getConfig()).toMatchObject({
          enabled: true,
          level: 5,
          latency: { enabled: true, minMs: 1000, maxMs: 3000 },
          exceptions: { enabled: true },
          killProcess: { enabled: false },
          watchers: { controller: true, service: true, repository: false, component: false, restController: true },
        });
        const got = await call(`${base}/actuator/chaosmonkey/assaults`);
        expect(got.json).toMatchObject({
          level: 5,
          latencyActive: true,
          latencyRangeStart: 1000,
          latencyRangeEnd: 3000,
          exceptionsActive: true,
          killApplicationActive: false,
        });
      },
    );
  }
});

describe('Spring-compatible endpoints', () => {
  it('serves settings, status, enable/disable with timestamps and durations', async () => {
    const { base } = await app({ token: false });
    const settings = await call(`${base}/actuator/chaosmonkey`);
    expect(settings.json).toMatchObject({
      chaosMonkeyProperties: { enabled: false, togglePrefix: 'chaos.monkey' },
      assaultProperties: {
        level: 1,
        latencyRangeStart: 1000,
        latencyRangeEnd: 3000,
        exception: { type: 'java.lang.RuntimeException', method: '<init>' },
        memoryFillTargetFraction: 0.25,
        cpuCronExpression: 'OFF',
      },
      watcherProperties: { controller: true, restTemplate: false, beans: [] },
    });
    const off = await call(`${base}/actuator/chaosmonkey/status`);
    expect(off.status).toBe(503);
    expect(off.json).toEqual({ status: 'You switched me off!', enabled: false });
    const on = await call(`${base}/actuator/chaosmonkey/enable`, { method: 'POST' });
    expect(on.json).toMatchObject({ enabled: true, status: 'Chaos Monkey is enabled' });
    expect(Date.parse((on.json as { enabledAt: string }).enabledAt)).toBeGreaterThan(Date.now() - 10_000);
    await new Promise((r) => setTimeout(r, 30));
    const status = await call(`${base}/actuator/chaosmonkey/status`);
    expect(status.status).toBe(200);
    expect(status.json).toMatchObject({
      enabled: true,
      status: 'Ready to be evil!',
      enabledFor: { formatted: '0 seconds' },
    });
    expect((status.json as { enabledFor: { raw: string } }).enabledFor.raw).toMatch(/^PT0\.\d+S$/);
    const off2 = await call(`${base}/actuator/chaosmonkey/disable`, { method: 'POST' });
    expect(off2.json).toMatchObject({
      enabled: false,
      status: 'Chaos Monkey is disabled',
      enabledFor: { formatted: '0 seconds' },
    });
    expect((off2.json as { disabledAt?: string }).disabledAt).toBeDefined();
    expect((await call(`${base}/actuator/chaosmonkey`, { method: 'POST' })).status).toBe(405);
    expect((await call(`${base}/actuator/chaosmonkey/watcher`)).json).toMatchObject({ controller: true });
  });

  it('answers 400 like Spring for invalid assault and watcher updates, and changes nothing', async () => {
    const { base, monkey } = await app({ token: false });
    const before = monkey.getConfig();
    const bad: Array<[unknown, RegExp]> = [
      [{ level: 0 }, /level: must be greater than or equal to 1/],
      [{ level: 10001 }, /level: must be less than or equal to 10000/],
      [
        { level: 10, latencyRangeStart: 200, latencyRangeEnd: 100 },
        /Value of latencyRangeStart must not be greater than value of latencyRangeEnd!/,
      ],
      [{ level: 1000, latencyRangeStart: 200, latencyActive: true }, /Invalid range parameters/],
      [{ memoryFillTargetFraction: 0.99 }, /memoryFillTargetFraction: must be less than or equal to 0.95/],
      [{ memoryMillisecondsWaitNextIncrease: 50 }, /must be greater than or equal to 100/],
      [{ cpuLoadTargetFraction: 0.05 }, /must be greater than or equal to 0.1/],
      [{ exception: { type: 'SomeInvalidException' } }, /exception.type: Invalid combination/],
      [{ latencyActiv: true }, /latencyActiv: unknown field/],
      [{ level: 'many' }, /level: must be an integer/],
      [{ killApplicationCronExpression: '* * *' }, /invalid cron expression/],
    ];
    for (const [body, message] of bad) {
      const answer = await call(`${base}/actuator/chaosmonkey/assaults`, { method: 'POST', json: body });
      expect(answer.status, JSON.stringify(body)).toBe(400);
      expect(answer.json).toMatchObject({ status: 400, error: 'Bad Request', path: '/actuator/chaosmonkey/assaults' });
      expect((answer.json as { message: string }).message).toMatch(message);
    }
    const notJson = await call(`${base}/actuator/chaosmonkey/assaults`, {
      method: 'POST',
      body: '{level:',
      headers: { 'content-type': 'application/json' },
    });
    expect(notJson.status).toBe(400);
    expect(
      (await call(`${base}/actuator/chaosmonkey/watchers`, { method: 'POST', json: { service: 'yes' } })).status,
    ).toBe(400);
    expect(monkey.getConfig()).toEqual(before);
    // Partial update, Node extensions, Java exception class names accepted.
    const ok = await call(`${base}/actuator/chaosmonkey/assaults`, {
      method: 'POST',
      json: {
        level: '7',
        exceptionsProbability: 0.5,
        exception: {
          type: 'java.lang.IllegalArgumentException',
          method: '<init>',
          arguments: [{ className: 'java.lang.String', value: 'custom illegal argument exception' }],
          status: 503,
        },
      },
    });
    expect(ok.text).toBe('Assault config has changed');
    expect(monkey.getConfig()).toMatchObject({
      level: 7,
      latency: before.latency,
      exceptions: {
        probability: 0.5,
        type: 'java.lang.IllegalArgumentException',
        message: 'custom illegal argument exception',
        status: 503,
      },
    });
  });

  it('never attacks its own routes', async () => {
    const { base } = await app({ token: false }, { enabled: true, exceptions: { enabled: true } });
    expect((await call(`${base}/api/orders`)).status).toBe(500);
    for (let i = 0; i < 5; i++) expect((await call(`${base}/actuator/chaosmonkey/assaults`)).status).toBe(200);
    expect((await call(`${base}/actuator/chaosmonkey/disable`, { method: 'POST' })).status).toBe(200);
    expect((await call(`${base}/api/orders`)).status).toBe(200);
  });
});

describe('safety', () => {
  it('requires a bearer token: 401 without, 403 when wrong', async () => {
    expect(() => createMonkey({ logger: quiet }).actuator({} as ActuatorOptions)).toThrow(/token is required/);
    const { base, monkey } = await app({ token: 's3cret-token' });
    const none = await call(`${base}/actuator/chaosmonkey/enable`, { method: 'POST' });
    expect(none.status).toBe(401);
    expect(none.headers.get('www-authenticate')).toMatch(/^Bearer/);
    const wrong = await call(`${base}/actuator/chaosmonkey/enable`, {
      method: 'POST',
      headers: { authorization: 'Bearer nope' },
    });
    expect(wrong.status).toBe(403);
    expect(monkey.status().enabled).toBe(false);
    const right = await call(`${base}/actuator/chaosmonkey/enable`, {
      method: 'POST',
      headers: { authorization: 'Bearer s3cret-token' },
    });
    expect(right.status).toBe(200);
    expect(monkey.status().enabled).toBe(true);
    // Requests outside the API pass through untouched.
    expect((await call(`${base}/api/orders`)).status).toBe(200);
  });

  it('refuses to enable under NODE_ENV=production unless allowed, without leaking stacks', async () => {
    const saved = process.env.NODE_ENV;
    process.env.NODE_ENV = 'production';
    try {
      const strict = await app({ token: false });
      const refused = await call(`${strict.base}/actuator/chaosmonkey/enable`, { method: 'POST' });
      expect(refused.status).toBe(403);
      expect(refused.text).toMatch(/NODE_ENV=production/);
      expect(refused.text).not.toMatch(/at .*\.ts:\d+/);
      expect(strict.monkey.status().enabled).toBe(false);
      const allowed = await app({ token: false, allowInProduction: true });
      expect((await call(`${allowed.base}/actuator/chaosmonkey/enable`, { method: 'POST' })).status).toBe(200);
    } finally {
      process.env.NODE_ENV = saved;
    }
  });
});
