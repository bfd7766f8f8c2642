import { createServer, type Server } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { call, close, listen } from '../__fixtures__/http-fixtures.js';
import { createMonkey } from '../monkey/create-monkey.js';
import { assaultCase } from './assault.case.js';
import { createChaosError, exceptions } from './exceptions.js';

assaultCase(exceptions, {
  attributes: {
    enabled: true,
    probability: 0.4,
    type: 'TypeError',
    message: 'boom',
    status: 503,
    body: { error: 'unavailable' },
  },
  harmless: true,
});

const quiet = { info() {}, warn() {} };
const servers: Server[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map(close));
});

/** Names an object inherits: a lookup by `in` or `[]` finds them on every plain object. */
const inherited = ['__proto__', 'toString', 'constructor', 'hasOwnProperty', 'valueOf', '__defineGetter__'];

describe('exception assault', () => {
  it('raises each allowed error type, and Java class names as an Error named after the class', () => {
    const base = { enabled: true, probability: null, message: 'm', status: null, body: null };
    for (const [type, Ctor] of [
      ['Error', Error],
      ['TypeError', TypeError],
      ['RangeError', RangeError],
      ['SyntaxError', SyntaxError],
      ['ReferenceError', ReferenceError],
      ['EvalError', EvalError],
      ['URIError', URIError],
    ] as const) {
      const error = createChaosError({ ...base, type });
      expect(error).toBeInstanceOf(Ctor);
      expect(error).toMatchObject({ name: type, message: 'm', status: 500, chaosMonkey: true });
    }
    const java = createChaosError({ ...base, type: 'java.lang.IllegalStateException', status: 409 });
    expect(java).toMatchObject({ name: 'IllegalStateException', status: 409, statusCode: 409 });
  });

  it('rejects inherited property names as types, in options, updates and overrides', () => {
    for (const type of inherited) {
      expect(() => createMonkey({ logger: quiet, exceptions: { type } })).toThrow(
        `exceptions.type: "${type}" is not an error type: use Error, TypeError`,
      );
      const monkey = createMonkey({ logger: quiet, enabled: true, exceptions: { enabled: true } });
      expect(() => monkey.updateConfig({ exceptions: { type } })).toThrow('is not an error type');
      expect(() => monkey.updateConfig({ overrides: [{ target: '/x', exceptions: { type } }] })).toThrow(
        `overrides[0].exceptions.type: "${type}" is not an error type`,
      );
      // Nothing changed: attacked calls still fail with the configured error, not "Ctor is not a constructor".
      expect(monkey.decide({ kind: 'service', name: 'S.f' })).toMatchObject({ type: 'exception' });
    }
  });

  it('answers 400 with a clear message on the actuator API and keeps the config', async () => {
    const monkey = createMonkey({ logger: quiet });
    const server = createServer(monkey.http((_req, res) => res.end(), { actuator: monkey.actuator({ token: false }) }));
    servers.push(server);
    const base = await listen(server);
    for (const type of inherited) {
      const answer = await call(`${base}/actuator/chaosmonkey/assaults`, {
        method: 'POST',
        json: { exceptionsActive: true, exception: { type, arguments: [{ type: 'java.lang.String', value: 'x' }] } },
      });
      expect(answer.status).toBe(400);
      expect(answer.json).toMatchObject({
        errors: [{ field: 'exception.type', rejectedValue: type, code: 'AssaultExceptionConstraint' }],
      });
      expect((answer.json as { message: string }).message).toContain(`"${type}" is not an error type`);
    }
    expect(monkey.getConfig().exceptions).toMatchObject({ enabled: false, type: 'java.lang.RuntimeException' });
  });
});
