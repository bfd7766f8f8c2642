import { describe, expect, it } from 'vitest';
import { ActivityFailedError, UsageError } from '../errors/faultline-error.js';
import type { Activity, Tolerance } from '../model/experiment.js';
import { substitute } from '../substitution/substitute.js';
import { checkTolerance, type CheckToleranceOptions } from './check-tolerance.js';

const check = (tolerance: unknown, value: unknown, options?: CheckToleranceOptions) =>
  checkTolerance(tolerance as Tolerance, value, options);
const http = (status: number, body: unknown = '') => ({ status, headers: { 'Content-Type': 'text/plain' }, body });
const proc = (status: number, stdout = '', stderr = '') => ({ status, stdout, stderr });

describe('bool tolerance', () => {
  it('compares with equality', async () => {
    expect(await check(true, true)).toEqual({ met: true });
    const r = await check(true, false);
    expect(r.met).toBe(false);
    expect(r.reason).toBe('expected true, got false');
  });
  it('uses Python equality (True == 1), like Chaos Toolkit', async () => {
    expect((await check(true, 1)).met).toBe(true);
    expect((await check(false, 0)).met).toBe(true);
    expect((await check(true, 'true')).met).toBe(false);
    expect((await check(true, http(200))).met).toBe(false);
  });
});

describe('int tolerance', () => {
  it('compares with equality', async () => {
    expect((await check(6, 6)).met).toBe(true);
    expect(await check(6, 7)).toEqual({ met: false, reason: 'value 7 is not 6' });
    expect((await check(6, '6')).met).toBe(false);
  });
  it('compares with the status of http and process outputs', async () => {
    expect((await check(200, http(200))).met).toBe(true);
    expect(await check(200, http(503))).toEqual({ met: false, reason: 'status 503 is not 200' });
    expect((await check(0, proc(0))).met).toBe(true);
    expect((await check(0, proc(1))).met).toBe(false);
  });
});

describe('string tolerance', () => {
  it('compares with equality after substitution', async () => {
    const sub = (v: unknown) => substitute(v, { expected: 'hello' }, {});
    expect((await check('hello', 'hello')).met).toBe(true);
    expect((await check('${expected}', 'hello', { substitute: sub })).met).toBe(true);
    const r = await check('hello', 'not hello');
    expect(r).toEqual({ met: false, reason: 'value "not hello" is not "hello"' });
  });
  it('keeps the type when the tolerance is exactly ${x}, then checks it as that type', async () => {
    const sub = (v: unknown) => substitute(v, { code: 200, codes: [200, 204] }, {});
    expect((await check('${code}', 200, { substitute: sub })).met).toBe(true);
    expect((await check('${code}', http(200), { substitute: sub })).met).toBe(true); // int rule: the status
    expect(await check('${code}', http(500), { substitute: sub })).toEqual({
      met: false,
      reason: 'status 500 is not 200',
    });
    expect((await check('${codes}', http(204), { substitute: sub })).met).toBe(true);
  });
});

describe('list tolerance', () => {
  it('checks the status of dict outputs for membership', async () => {
    expect((await check([5, 6], { status: 6 })).met).toBe(true);
    expect((await check([200, 201, 204], http(204))).met).toBe(true);
    expect(await check([200], http(503))).toEqual({ met: false, reason: 'status 503 not in [200]' });
    expect((await check([5, 7], { status: 6 })).met).toBe(false); // membership, not range, for dict outputs
  });
  it('treats a 2-element list of numbers as an inclusive range', async () => {
    expect((await check([0, 0.01], 0)).met).toBe(true);
    expect((await check([0, 0.01], 0.01)).met).toBe(true);
    expect((await check([0, 0.01], 0.005)).met).toBe(true);
    expect(await check([0, 0.01], 0.12)).toEqual({ met: false, reason: 'value 0.12 outside range [0, 0.01]' });
    expect((await check([200, 404], 300)).met).toBe(true);
  });
  it('does not crash when a range is checked against a non-number', async () => {
    const r = await check([1, 5], 'three');
    expect(r.met).toBe(false);
    expect(r.reason).toMatch(/not a number/);
    expect((await check([1, 5], null)).met).toBe(false);
  });
  it('uses membership for other lists', async () => {
    expect((await check(['ok', 'degraded'], 'ok')).met).toBe(true); // Chaos Toolkit range-compares these: never matches "ok"
    expect((await check(['a', 'b', 'c'], 'b')).met).toBe(true);
    expect(await check(['a', 'b', 'c'], 'd')).toEqual({ met: false, reason: 'value "d" not in ["a","b","c"]' });
    expect((await check([1, 2, 3], 2)).met).toBe(true);
    expect((await check([[1], { a: 1 }], { a: 1 })).met).toBe(true);
    expect((await check([], 'x')).met).toBe(false);
  });
});

describe('range tolerance', () => {
  it('checks integers and floats, inclusive, with a target', async () => {
    expect((await check({ type: 'range', target: 'body', range: [10, 800] }, http(200, '580'))).met).toBe(true);
    expect((await check({ type: 'range', target: 'body', range: [10, 800] }, http(200, '1230'))).met).toBe(false);
    expect((await check({ type: 'range', target: 'body', range: [10.5, 800.89] }, http(200, '580.5'))).met).toBe(true);
    expect((await check({ type: 'range', target: 'body', range: [10.5, 800.89] }, http(200, '1230.7'))).met).toBe(
      false,
    );
    expect((await check({ type: 'range', target: 'body', range: [10, 800.8] }, http(200, '580.4'))).met).toBe(true);
    expect((await check({ type: 'range', range: [1, 2] }, 2)).met).toBe(true);
    expect((await check({ type: 'range', range: [1, 2] }, 1)).met).toBe(true);
  });
  it('reads numeric strings as Python Decimal does (spaces, exponents)', async () => {
    expect((await check({ type: 'range', target: 'stdout', range: [0, 10] }, proc(0, ' 5\n'))).met).toBe(true);
    expect((await check({ type: 'range', range: [0, 1000] }, '1e2')).met).toBe(true);
  });
  it('is not met with a reason for non-numbers, never a crash', async () => {
    const bad = await check({ type: 'range', target: 'body', range: [6, 8] }, http(200, 'bad'));
    expect(bad.met).toBe(false);
    expect(bad.reason).toContain('needs a number');
    expect((await check({ type: 'range', range: [6, 8] }, { nested: 7 })).met).toBe(false);
    expect((await check({ type: 'range', range: [6, 8] }, null)).met).toBe(false);
    expect((await check({ type: 'range', range: [6, 8] }, 'NaN')).met).toBe(false);
    const outside = await check({ type: 'range', range: [0, 0.01] }, 0.12);
    expect(outside.reason).toBe('value 0.12 outside range [0, 0.01]');
  });
  it('reports a malformed range', async () => {
    expect((await check({ type: 'range', range: ['a', 6] }, 5)).met).toBe(false);
  });
});

describe('regex tolerance', () => {
  it('searches anywhere in the string', async () => {
    expect((await check({ type: 'regex', pattern: '[0-9]{2}' }, 'you are number 87')).met).toBe(true);
    const r = await check({ type: 'regex', pattern: '[0-9]{2}' }, 'you are number 8');
    expect(r).toEqual({ met: false, reason: '"you are number 8" does not match /[0-9]{2}/' });
  });
  it('uses the target of process and http outputs', async () => {
    expect(
      (await check({ type: 'regex', target: 'stdout', pattern: '[0-9]{2}' }, proc(0, 'you are number 87'))).met,
    ).toBe(true);
    expect(
      (await check({ type: 'regex', target: 'stdout', pattern: '[0-9]{2}' }, proc(0, 'number 8', 'number 87'))).met,
    ).toBe(false);
    expect((await check({ type: 'regex', target: 'stderr', pattern: '[0-9]{2}' }, proc(0, '', 'number 87'))).met).toBe(
      true,
    );
    expect(
      (await check({ type: 'regex', target: 'body', pattern: '[0-9]{2}' }, http(200, 'you are number 87'))).met,
    ).toBe(true);
  });
  it('substitutes the pattern', async () => {
    const sub = (v: unknown) => substitute(v, { word: 'ready' }, {});
    expect((await check({ type: 'regex', pattern: '^${word}$' }, 'ready', { substitute: sub })).met).toBe(true);
  });
  it('does not crash on a non-string value (a JSON body): not met with a clear reason', async () => {
    const r = await check({ type: 'regex', target: 'body', pattern: 'ok' }, http(200, { status: 'ok' }));
    expect(r.met).toBe(false);
    expect(r.reason).toContain('needs a string');
    const whole = await check({ type: 'regex', pattern: 'ok' }, http(200, 'ok'));
    expect(whole.met).toBe(false);
    expect(whole.reason).toContain('set "target"');
    expect((await check({ type: 'regex', pattern: '1' }, 1)).met).toBe(false);
    expect((await check({ type: 'regex', pattern: 'x' }, null)).met).toBe(false);
  });
  it('reports an invalid pattern instead of throwing', async () => {
    const r = await check({ type: 'regex', pattern: '[0-9' }, 'x');
    expect(r.met).toBe(false);
    expect(r.reason).toContain('[0-9');
  });
  it('understands Python-only syntax', async () => {
    expect((await check({ type: 'regex', pattern: '^ok$' }, 'ok\n')).met).toBe(true); // Python's $ before a final newline
    expect((await check({ type: 'regex', pattern: '^ok$' }, 'ok\nmore')).met).toBe(false);
    expect((await check({ type: 'regex', pattern: '(?i)READY' }, 'ready')).met).toBe(true);
    expect((await check({ type: 'regex', pattern: '(?P<n>a)b' }, 'xaba')).met).toBe(true);
    expect((await check({ type: 'regex', pattern: '(?m)^b$' }, 'a\nb\nc')).met).toBe(true);
    expect((await check({ type: 'regex', pattern: '(?s)a.b' }, 'a\nb')).met).toBe(true);
    expect((await check({ type: 'regex', pattern: '\\Aab\\Z' }, 'ab')).met).toBe(true);
    expect((await check({ type: 'regex', pattern: '\\Aab\\Z' }, 'xab')).met).toBe(false);
    expect((await check({ type: 'regex', pattern: '[$]' }, 'a$b')).met).toBe(true);
    expect((await check({ type: 'regex', pattern: 'a\\$' }, 'a$b')).met).toBe(true);
  });
  it('runs in linear time: a catastrophic pattern on a long input finishes fast', async () => {
    const started = performance.now();
    const r = await check({ type: 'regex', pattern: '(a+)+$' }, `${'a'.repeat(100_000)}!`);
    expect(r.met).toBe(false);
    // A backtracking engine would not finish this in years; generous for a loaded machine.
    expect(performance.now() - started).toBeLessThan(5000);
  });
  it('refuses backreferences and lookarounds (not linear time) with a reason', async () => {
    const back = await check({ type: 'regex', pattern: '(?P<n>a)b(?P=n)' }, 'xaba');
    expect(back).toMatchObject({ met: false, reason: expect.stringContaining('backreferences are not supported') });
    const look = await check({ type: 'regex', pattern: 'a(?=b)' }, 'ab');
    expect(look.reason).toContain('lookahead and lookbehind are not supported');
  });
});

describe('jsonpath tolerance (Chaos Toolkit jsonpath2 semantics)', () => {
  const jp = (t: Record<string, unknown>, value: unknown) => check({ type: 'jsonpath', ...t }, value);
  it('matches from a dict and must find items', async () => {
    expect((await jp({ path: '$.foo.*[?(@.baz)]' }, { foo: [{ baz: 1 }, { baz: 2 }] })).met).toBe(true);
    const r = await jp({ path: '$.notsofoo.*[?(@.baz)].baz' }, { foo: [{ baz: 1 }, { baz: 2 }] });
    expect(r.met).toBe(false);
    expect(r.reason).toContain('matched nothing');
  });
  it('compares with expect (a scalar, or the list of matches)', async () => {
    expect((await jp({ path: '$.foo[?(@.baz)].baz', expect: 'hello' }, { foo: { baz: 'hello' } })).met).toBe(true);
    expect(
      (
        await jp(
          { path: '$.foo[?(@.baz)].baz', expect: [['hello', 'bonjour']] },
          { foo: { baz: ['hello', 'bonjour'] } },
        )
      ).met,
    ).toBe(true);
    expect(
      (
        await jp(
          { path: '$.foo[?(@.baz)].baz', expect: [[['hello'], ['bonjour']]] },
          { foo: { baz: [['hello'], ['bonjour']] } },
        )
      ).met,
    ).toBe(true);
    expect((await jp({ path: '$.foo[?(@.baz)].baz', expect: [] }, { foo: { jon: 'boom' } })).met).toBe(true);
    expect(
      (
        await jp(
          { path: '$.foo.*[?(@.baz)].baz', expect: ['hello', 'bonjour'] },
          { foo: [{ baz: 'hello' }, { baz: 'bonjour' }] },
        )
      ).met,
    ).toBe(true);
    const r = await jp({ path: '$.foo.baz', expect: 'bye' }, { foo: { baz: 'hello' } });
    expect(r).toEqual({ met: false, reason: 'JSONPath $.foo.baz found ["hello"] but expected ["bye"]' });
  });
  it('filters by value with = (jsonpath2) and == (standard)', async () => {
    expect((await jp({ path: '$.foo[?(@.baz="hello")]', count: 1 }, { foo: { baz: 'hello' } })).met).toBe(true);
    expect((await jp({ path: '$.foo[?(@.baz="bonjour")]', count: 1 }, { foo: { baz: 'hello' } })).met).toBe(false);
    expect((await jp({ path: '$.foo.*[?(@.baz=2)]', count: 1 }, { foo: [{ baz: 1 }, { baz: 2 }] })).met).toBe(true);
    expect((await jp({ path: '$.foo.*[?(@.baz)]', count: 2 }, { foo: [{ baz: 1 }, { baz: 2 }] })).met).toBe(true);
    expect((await jp({ path: '$.foo.*[?(@.baz=4)]', count: 2 }, { foo: [{ baz: 4 }, { baz: 4 }] })).met).toBe(true);
    expect(
      (
        await jp(
          { path: '$.items[?(@.ready == true)]', count: 2 },
          { items: [{ ready: true }, { ready: false }, { ready: true }] },
        )
      ).met,
    ).toBe(true);
    expect(
      (await jp({ path: '$.items[?(@.n >= 2 and @.n <= 3)]', count: 2 }, { items: [{ n: 1 }, { n: 2 }, { n: 3 }] }))
        .met,
    ).toBe(true);
    expect((await jp({ path: '$.items[?(@.n != 1)]', count: 2 }, { items: [{ n: 1 }, { n: 2 }, { n: 3 }] })).met).toBe(
      true,
    );
  });
  it('a bare path filter tests existence, even for falsy values', async () => {
    expect(
      (await jp({ path: '$.foo.*[?(@.baz)]', count: 2 }, { foo: [{ baz: 0 }, { baz: false }, { other: 1 }] })).met,
    ).toBe(true);
  });
  it('reports a wrong count', async () => {
    const r = await jp({ path: '$.foo[*]', count: 3 }, { foo: [1, 2] });
    expect(r).toEqual({ met: false, reason: 'JSONPath $.foo[*] matched 2 value(s), expected 3' });
  });
  it('parses JSON strings and bytes, and uses the target', async () => {
    expect((await jp({ path: '$.foo[*].baz' }, '{"foo": [{"baz": 1}, {"baz": 2}]}')).met).toBe(true);
    expect((await jp({ path: '$.foo[*].baz' }, new TextEncoder().encode('{"foo": [{"baz": 1}]}'))).met).toBe(true);
    expect((await jp({ path: '$.status', target: 'body', expect: 'UP' }, http(200, { status: 'UP' }))).met).toBe(true);
    expect((await jp({ path: '$.status', target: 'stdout', expect: 'UP' }, proc(0, '{"status":"UP"}\n'))).met).toBe(
      true,
    );
    expect((await jp({ path: '$.status', expect: 200 }, http(200, 'x'))).met).toBe(true); // no target: the whole output
  });
  it('substitutes path and expect', async () => {
    const sub = (v: unknown) => substitute(v, { field: 'status', want: 'UP' }, {});
    expect(
      (await check({ type: 'jsonpath', path: '$.${field}', expect: '${want}' }, { status: 'UP' }, { substitute: sub }))
        .met,
    ).toBe(true);
  });
  it('supports recursive descent before a filter', async () => {
    expect(
      (
        await jp(
          { path: '$..[?(@.kind="Pod")]', count: 2 },
          { a: { kind: 'Pod' }, b: [{ kind: 'Pod' }, { kind: 'Svc' }] },
        )
      ).met,
    ).toBe(true);
    expect((await jp({ path: '$..name', expect: ['a', 'b'] }, { x: { name: 'a' }, y: [{ name: 'b' }] })).met).toBe(
      true,
    );
  });
  it('never throws on odd values or paths', async () => {
    expect((await jp({ path: '$.a' }, 'not json')).met).toBe(false);
    expect((await jp({ path: '$.a' }, null)).met).toBe(false);
    expect((await jp({ path: '' }, {})).met).toBe(false);
    expect((await jp({ path: '$.a[?(@.b' }, { a: [] })).met).toBe(false);
  });
});

describe('probe tolerance', () => {
  const probe: Activity = {
    type: 'probe',
    name: 'must-be-in-range',
    provider: { type: 'javascript', module: './probes.js', func: 'inRange', arguments: { a: 6, b: 8 } },
  };
  it('passes the value to the probe and is met when it returns truthy', async () => {
    const seen: unknown[] = [];
    const runProbe = async (p: Activity, value: unknown) => {
      seen.push(p.provider, value);
      const args = (p.provider as { arguments: { a: number; b: number; value: number } }).arguments;
      return args.a <= args.value && args.value <= args.b;
    };
    expect((await check(probe, 7, { runProbe })).met).toBe(true);
    expect(seen[0]).toMatchObject({ arguments: { a: 6, b: 8, value: 7 } });
    expect(seen[1]).toBe(7);
    expect(probe.provider).toEqual({
      type: 'javascript',
      module: './probes.js',
      func: 'inRange',
      arguments: { a: 6, b: 8 },
    });
    const r = await check(probe, 9, { runProbe });
    expect(r).toEqual({ met: false, reason: 'probe tolerance "must-be-in-range" returned false' });
  });
  it('uses Python truthiness for the result', async () => {
    for (const [out, want] of [
      [{}, false],
      [[], false],
      ['', false],
      [0, false],
      [null, false],
      ['x', true],
      [{ a: 1 }, true],
      [1, true],
    ] as const) {
      expect((await check(probe, 1, { runProbe: async () => out })).met).toBe(want);
    }
  });
  it('a probe that fails means not met', async () => {
    const r = await check(probe, 1, {
      runProbe: async () => {
        throw new ActivityFailedError('boom');
      },
    });
    expect(r).toEqual({ met: false, reason: 'probe tolerance "must-be-in-range" failed: boom' });
    expect(
      (
        await check(probe, 1, {
          runProbe: async () => {
            throw new TypeError('oops');
          },
        })
      ).met,
    ).toBe(false);
  });
  it("lets errors that are not the probe's fault propagate", async () => {
    await expect(
      check(probe, 1, {
        runProbe: async () => {
          throw new UsageError('unknown module');
        },
      }),
    ).rejects.toThrow('unknown module');
  });
  it('adds arguments when the provider has none', async () => {
    const bare = { type: 'probe', name: 'p', provider: { type: 'javascript', module: 'm', func: 'f' } };
    let args: unknown;
    await check(bare, 'v', {
      runProbe: async (p) => {
        args = (p.provider as { arguments?: unknown }).arguments;
        return true;
      },
    });
    expect(args).toEqual({ value: 'v' });
  });
  it('is not met (not thrown) without a probe runner', async () => {
    expect((await check(probe, 1)).met).toBe(false);
  });
});

describe('unsupported tolerances', () => {
  it('are not met with a reason', async () => {
    expect(await check({ type: 'boom' }, 1)).toEqual({
      met: false,
      reason: 'tolerance type "boom" is unsupported (use probe, regex, jsonpath or range)',
    });
    expect((await check(null, 1)).met).toBe(false);
  });
});
