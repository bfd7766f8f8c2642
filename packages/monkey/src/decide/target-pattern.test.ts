import { describe, expect, it } from 'vitest';
import { createMonkey } from '../monkey/create-monkey.js';
import { globMatcher, targetPattern } from './target-pattern.js';

describe('target patterns', () => {
  it('match globs where * is any run of characters, optionally restricted to HTTP methods', () => {
    const cases: Array<[string, string, boolean]> = [
      ['/api/orders', '/api/orders', true],
      ['/api/orders', '/api/orders/1', false],
      ['/api/*', '/api/orders/1', true],
      ['/api/*', '/api', false],
      ['*', '', true],
      ['OrderRepository.*', 'OrderRepository.findAll', true],
      ['*Repository.find*', 'OrderRepository.findAll', true],
      ['a*b*c', 'abc', true],
      ['a*b*c', 'aXbYc', true],
      ['a*b*c', 'acb', false],
      ['ab*ba', 'aba', false],
      ['a**b', 'ab', true],
      ['*.*', 'no-dot', false],
      ['/x(y)+?', '/x(y)+?', true],
    ];
    for (const [glob, name, expected] of cases)
      expect([glob, name, globMatcher(glob)(name)]).toEqual([glob, name, expected]);
    const p = targetPattern('GET|POST /api/*');
    expect(p.matches('/api/x', 'GET')).toBe(true);
    expect(p.matches('/api/x', 'DELETE')).toBe(false);
    expect(p.matches('/api/x')).toBe(false);
  });

  it('take time linear in the name whatever the pattern (a regex from "*a*a…*b" backtracks for ever)', () => {
    const hostile = `${'*a'.repeat(20)}*b`;
    const name = `/${'a'.repeat(100_000)}`;
    const monkey = createMonkey({
      logger: { info() {}, warn() {} },
      enabled: true,
      exceptions: { enabled: true },
      watchers: { routes: [hostile] },
      overrides: [{ target: hostile, level: 2 }],
    });
    const start = performance.now();
    for (let i = 0; i < 20; i++) expect(monkey.decide({ kind: 'controller', name, method: 'GET' })).toBeUndefined();
    expect(globMatcher(hostile)(`${name}b`)).toBe(true);
    // Generous for a loaded machine; the regex version does not finish in minutes.
    expect(performance.now() - start).toBeLessThan(5_000);
  });
});
