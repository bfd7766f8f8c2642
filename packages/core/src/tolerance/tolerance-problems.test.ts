import { describe, expect, it } from 'vitest';
import { toleranceProblems } from './tolerance-problems.js';

describe('toleranceProblems', () => {
  it('accepts every valid kind', () => {
    for (const t of [
      true,
      200,
      'ok',
      [200, 201],
      { type: 'range', range: [0, 1] },
      { type: 'regex', pattern: '^ok$' },
      { type: 'jsonpath', path: '$.a[?(@.b="c")]', count: 1 },
      { type: 'probe', name: 'p', provider: { type: 'http', url: 'http://x' } },
      { type: 'regex', pattern: '${p}[' },
    ]) {
      expect(toleranceProblems(t)).toEqual([]);
    }
  });
  it('reports what Chaos Toolkit rejects, with the reason', () => {
    expect(toleranceProblems({ type: 'regex' })).toEqual(['a regex tolerance needs a "pattern"']);
    expect(toleranceProblems({ type: 'regex', pattern: null })).toEqual([
      'regex tolerance pattern null has an invalid type',
    ]);
    expect(toleranceProblems({ type: 'regex', pattern: '[0-9' })[0]).toContain('[0-9');
    expect(toleranceProblems({ type: 'jsonpath' })).toEqual(['a jsonpath tolerance needs a "path"']);
    expect(toleranceProblems({ type: 'jsonpath', path: ' ' })).toEqual(['a jsonpath tolerance path cannot be empty']);
    expect(toleranceProblems({ type: 'jsonpath', path: '$.a[?(@.b', count: -1 })).toHaveLength(2);
    expect(toleranceProblems({ type: 'range', range: ['a', 6] })).toEqual([
      'the lower boundary of a range tolerance must be a number',
    ]);
    expect(toleranceProblems({ type: 'range', range: [6, 'b'] })).toEqual([
      'the upper boundary of a range tolerance must be a number',
    ]);
    expect(toleranceProblems({ type: 'range', range: [1, 2, 3] })).toEqual([
      'a range tolerance "range" must be made of two values',
    ]);
    expect(toleranceProblems({ type: 'range', range: [5, 1] })[0]).toMatch(/empty/);
    expect(toleranceProblems({ type: 'boom' })).toEqual([
      'tolerance type "boom" is unsupported (use probe, regex, jsonpath or range)',
    ]);
    expect(toleranceProblems(null)).toHaveLength(1);
    expect(toleranceProblems({ type: 'probe' })).toEqual(['a probe tolerance needs a provider']);
  });
});
