import { connect } from 'node:net';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { call } from '../__fixtures__/http-fixtures.js';
import { buildMonkeyCjs, forkServer, repoRoot, type Child } from '../__fixtures__/built-package.js';

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
    await new Promise((r) => setTimeout(r, 50));
    const configured = await call(`${c.base}/actuator/chaosmonkey/assaults`, {
      method: 'POST',
      headers: auth,
      json: { killApplicationActive: true, killApplicationGraceMilliseconds: 1500, killApplicationExitCode: 3 },
    });
    expect(configured.text).toBe('Assault config has changed');
    const trigger = await call(`${c.base}/fast`);
    expect(trigger.status).toBe(200);
    await new Promise((r) => setTimeout(r, 100));
    expect(await refused(c.base)).toBe(true);
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
});
