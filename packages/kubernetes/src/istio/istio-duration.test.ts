import { describe, expect, it } from 'vitest';
import { UsageError } from '@faultline/core';
import { istioDuration } from './istio-duration.js';

describe('istioDuration', () => {
  it.each([
    ['3s', '3s'],
    ['2s', '2s'],
    ['500ms', '0.5s'],
    ['1m', '60s'],
    ['1.5s', '1.5s'],
    [3, '3s'],
    [0.25, '0.25s'],
    ['1ms', '0.001s'],
    ['1m30s', '90s'],
  ] as const)('%j -> %s', (input, expected) => {
    expect(istioDuration(input)).toBe(expected);
  });

  it('refuses delays under 1ms and unreadable values', () => {
    expect(() => istioDuration(0)).toThrow(UsageError);
    expect(() => istioDuration('0s')).toThrow(/at least 1ms/);
    expect(() => istioDuration('soon')).toThrow(UsageError);
    expect(() => istioDuration(-1)).toThrow(UsageError);
  });
});
