import { describe, expect, it } from 'vitest';
import { FaultlineError } from '../errors/faultline-error.js';
import { safeRegex } from './safe-regex.js';

describe('safeRegex', () => {
  it('matches like a RegExp: search with test(), whole input with matches(), flags i m s', () => {
    expect(safeRegex('[0-9]{2}').test('number 87')).toBe(true);
    expect(safeRegex('[0-9]{2}').matches('number 87')).toBe(false);
    expect(safeRegex('/api/.*').matches('/api/orders')).toBe(true);
    expect(safeRegex('ready', 'i').test('READY')).toBe(true);
    expect(safeRegex('^b$', 'm').test('a\nb\nc')).toBe(true);
    expect(safeRegex('a.b', 's').test('a\nb')).toBe(true);
    expect(safeRegex('(?P<n>x)(?<m>y)').test('xy')).toBe(true);
  });

  it('runs a catastrophic pattern on a long input in linear time', () => {
    const input = `${'a'.repeat(200_000)}!`;
    const started = performance.now();
    expect(safeRegex('(a+)+$').test(input)).toBe(false);
    expect(safeRegex('^(a|aa)+$').matches(input)).toBe(false);
    expect(safeRegex('(x+x+)+y').test('x'.repeat(100_000))).toBe(false);
    // A backtracking engine needs longer than the age of the universe here; generous for a loaded machine.
    expect(performance.now() - started).toBeLessThan(5000);
  });

  it('refuses what it cannot run in linear time with a clear usage error', () => {
    const cases: Array<[string, RegExp]> = [
      ['(?=a)b', /lookahead and lookbehind are not supported/],
      ['(?<!a)b', /lookahead and lookbehind are not supported/],
      ['(a)\\1', /backreferences are not supported/],
      ['(?P<n>a)(?P=n)', /backreferences are not supported/],
      ['[0-9', /missing closing \]/],
      ['a{5000}', /invalid repeat count/],
    ];
    for (const [pattern, reason] of cases) {
      let caught: unknown;
      try {
        safeRegex(pattern);
      } catch (error) {
        caught = error;
      }
      expect(caught, pattern).toBeInstanceOf(FaultlineError);
      expect((caught as FaultlineError).message).toMatch(reason);
      expect((caught as FaultlineError).message).toContain(JSON.stringify(pattern));
      expect((caught as FaultlineError).exitCode).toBe(64);
      expect((caught as FaultlineError).code).toBe('E_REGEX');
      expect((caught as FaultlineError).hint).toContain('RE2');
    }
    expect(() => safeRegex('a', 'g')).toThrow(/unsupported flag "g"/);
  });
});
