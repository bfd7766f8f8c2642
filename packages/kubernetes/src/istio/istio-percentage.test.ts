import { describe, expect, it } from 'vitest';
import { UsageError } from '@faultline/core';
import { istioPercentage } from './istio-percentage.js';

describe('istioPercentage', () => {
  it("accepts a number or Istio's {value}", () => {
    expect(istioPercentage(50)).toEqual({ value: 50 });
    expect(istioPercentage({ value: 12.5 })).toEqual({ value: 12.5 });
    expect(istioPercentage(0)).toEqual({ value: 0 });
    expect(istioPercentage(100)).toEqual({ value: 100 });
  });

  it('refuses values outside 0..100', () => {
    expect(() => istioPercentage(101)).toThrow(UsageError);
    expect(() => istioPercentage({ value: -1 })).toThrow(/between 0 and 100/);
    expect(() => istioPercentage(Number.NaN)).toThrow(UsageError);
  });
});
