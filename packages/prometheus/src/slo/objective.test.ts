import { describe, expect, it } from 'vitest';
import { meetsObjective, parseObjective, worstCase } from './objective.js';

describe('parseObjective', () => {
  it.each([
    ['< 0.01', '<', 0.01],
    ['< 1%', '<', 0.01],
    ['<= 300ms', '<=', 0.3],
    ['>= 99.9%', '>=', 0.999],
    ['> 2s', '>', 2],
    ['== 0', '==', 0],
    ['<1e-3', '<', 0.001],
  ])('reads %s', (text, op, value) => {
    const objective = parseObjective(text);
    expect(objective.op).toBe(op);
    expect(objective.value).toBeCloseTo(value, 12);
    expect(objective.text).toBe(text);
  });

  it('reads object forms', () => {
    expect(parseObjective({ '<': 0.01 })).toMatchObject({ op: '<', value: 0.01 });
    expect(parseObjective({ op: '<=', value: '250ms' })).toMatchObject({ op: '<=', value: 0.25 });
  });

  it('rejects comparisons it cannot read', () => {
    expect(() => parseObjective('0.01')).toThrow(/cannot read/);
    expect(() => parseObjective({ op: '~', value: 1 })).toThrow(/unknown comparator/);
    expect(() => parseObjective('< lots')).toThrow();
  });
});

describe('meetsObjective / worstCase', () => {
  it('compares and picks the worst sample direction', () => {
    const upper = parseObjective('< 1%');
    expect(meetsObjective(0.009, upper)).toBe(true);
    expect(meetsObjective(0.01, upper)).toBe(false);
    expect(meetsObjective(0.01, parseObjective('<= 1%'))).toBe(true);
    expect(worstCase(upper)).toBe('max');
    expect(worstCase(parseObjective('>= 99%'))).toBe('min');
  });
});
