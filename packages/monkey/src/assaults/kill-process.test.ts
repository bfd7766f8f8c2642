import { connect } from 'node:net';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { call } from '../__fixtures__/http-fixtures.js';
import { buildMonkeyCjs, forkServer, repoRoot, type Child } from '../__fixtures__/built-package.js';
import { assaultCase } from './assault.case.js';
import { killProcess } from './kill-process.js';

assaultCase(killProcess, {
  attributes: { enabled: true, probability: 0.1, exitCode: 3, graceMs: 200, cron: '0 0 3 * * *' },
  harmless: false,
});

const script = `${repoRoot}packages/monkey/src/__fixtures__/kill-app.cjs`;
const auth = { authorization: 'Bearer kill-token' };
let child: Child | undefined;

beforeAll(() => buildMonkeyCjs(), 120_000);
afterEach(() => {
  child?.proc.kill('SIGKILL');
});

function refused(base: string): Promise<boolean> {
  const { hostname, port } = new URL(base);
  return new Promise((resolve) => {
    const socket = connect(Number(port), hostname);
    socket.once('connect', () => {
      socket.destroy();
      resolve(false);
    });
    socket.once('error', () => resolve(true));
  });
}

describe('kill application assault (in a child process)', () => {
  it('on an attacked request: stops accepting, answers requests in flight, exits with the configured code', async () => {
    child = await forkServer(script);
    const c = child;
    const slow = call(`${c.base}/slow`);
    await expect.poll(() => c.output(), { timeout: 20_000 }).toMatch(/slow request started/);
    const configured = await call(`${c.base}/actuator/chaosmonkey/assaults`, {
      method: 'POST',
      headers: auth,
      json: { killApplicationActive: true, killApplicationGraceMilliseconds: 1500, killApplicationExitCode: 3 },
    });
    expect(configured.text).toBe('Assault config has changed');
    const trigger = await call(`${c.base}/fast`);
    expect(trigger.status).toBe(200);
    await expect.poll(() => refused(c.base), { timeout: 20_000 }).toBe(true);
    const inFlight = await slow;
    expect(inFlight.status).toBe(200);
    expect(inFlight.json).toEqual({ done: true });
    expect(await c.exit).toBe(3);
    expect(c.output()).toMatch(/killing the process in 1500 ms/);
  });

  it('on POST /assaults/runtime/attack, after answering it', async () => {
    child = await forkServer(script);
    const c = child;
    await call(`${c.base}/actuator/chaosmonkey/assaults`, {
      method: 'POST',
      headers: auth,
      json: { level: 10000, killApplicationActive: true, killApplicationGraceMilliseconds: 200 },
    });
    const attack = await call(`${c.base}/actuator/chaosmonkey/assaults/runtime/attack`, {
      method: 'POST',
      headers: auth,
    });
    expect(attack.status).toBe(200);
    expect(attack.text).toBe('Started runtime assaults');
    expect(await c.exit).toBe(1);
  });

  it('not while the monkey is disabled', async () => {
    child = await forkServer(script);
    const c = child;
    await call(`${c.base}/actuator/chaosmonkey/assaults`, {
      method: 'POST',
      headers: auth,
      json: { killApplicationActive: true, killApplicationGraceMilliseconds: 100 },
    });
    await call(`${c.base}/actuator/chaosmonkey/disable`, { method: 'POST', headers: auth });
    expect(
      (await call(`${c.base}/actuator/chaosmonkey/assaults/runtime/attack`, { method: 'POST', headers: auth })).status,
    ).toBe(200);
    expect((await call(`${c.base}/fast`)).status).toBe(200);
    await new Promise((r) => setTimeout(r, 400));
    expect(c.proc.exitCode).toBeNull();
    expect((await call(`${c.base}/fast`)).status).toBe(200);
  });

  it('waits a grace time longer than a Node timer can (2^31 ms) instead of exiting at once', async () => {
    child = await forkServer(script, { KILL_GRACE_MS: String(25 * 24 * 3600 * 1000) });
    const c = child;
    await call(`${c.base}/actuator/chaosmonkey/assaults`, {
      method: 'POST',
      headers: auth,
      json: { level: 10000, killApplicationActive: true },
    });
    const attack = await call(`${c.base}/actuator/chaosmonkey/assaults/runtime/attack`, {
      method: 'POST',
      headers: auth,
    });
    expect(attack.text).toBe('Started runtime assaults');
    await expect.poll(() => refused(c.base), { timeout: 20_000 }).toBe(true);
    expect(c.output()).toMatch(/killing the process in 2160000000 ms/);
    // An overflowing timer fires after ~1 ms; give it ample time to (wrongly) exit.
    await new Promise((r) => setTimeout(r, 500));
    expect(c.proc.exitCode).toBeNull();
  });
});
