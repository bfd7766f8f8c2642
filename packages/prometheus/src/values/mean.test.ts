import { describe, expect, it } from 'vitest';
import { mean } from './mean.js';
import { parseSampleValue, sampleValues } from './sample-values.js';

describe('mean', () => {
  it("computes the three means like Python's statistics module", () => {
    expect(mean([1, 4, 4], 'arithmetic')).toBe(3);
    expect(mean([1, 4, 4], 'geometric')).toBeCloseTo(Math.cbrt(16), 12);
    expect(mean([1, 4, 4], 'harmonic')).toBeCloseTo(2, 12);
    expect(mean([0, 4], 'harmonic')).toBe(0);
    expect(mean([0, 4], 'geometric')).toBe(0);
  });

  it('does not overflow on long windows', () => {
    expect(
      mean(
        Array.from({ length: 10_000 }, () => 1e300),
        'geometric',
      ),
    ).toBeCloseTo(1e300, -290);
  });

  it('fails where the mean is undefined', () => {
    expect(() => mean([], 'arithmetic')).toThrow(/no values/);
    expect(() => mean([-1, 2], 'geometric')).toThrow(/non-negative/);
    expect(() => mean([-1, 2], 'harmonic')).toThrow(/non-negative/);
  });
});

describe('sampleValues', () => {
  it("reads every result type and Prometheus' special values", () => {
    expect(parseSampleValue('+Inf')).toBe(Infinity);
    expect(parseSampleValue('-Inf')).toBe(-Infinity);
    expect(parseSampleValue('NaN')).toBeNaN();
    expect(sampleValues({ status: 'success', data: { resultType: 'scalar', result: [1, '2.5'] } })).toEqual([
      { metric: {}, values: [2.5], times: [1] },
    ]);
    expect(
      sampleValues({
        status: 'success',
        data: {
          resultType: 'matrix',
          result: [
            {
              metric: { a: 'b' },
              values: [
                [1, '1'],
                [2, '3'],
              ],
            },
          ],
        },
      }),
    ).toEqual([{ metric: { a: 'b' }, values: [1, 3], times: [1, 2] }]);
  });
});
