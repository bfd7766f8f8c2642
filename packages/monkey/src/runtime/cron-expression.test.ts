import { describe, expect, it } from 'vitest';
import { isCronOff, parseCron } from './cron-expression.js';

const at = (s: string) => new Date(s);

describe('cron expressions', () => {
  it('computes the next matching time for Spring 6-field and classic 5-field expressions', () => {
    expect(parseCron('*/5 * * * * *').next(at('2026-01-01T12:00:03'))).toEqual(at('2026-01-01T12:00:05'));
    expect(parseCron('0 30 9 * * MON-FRI').next(at('2026-01-02T10:00:00'))).toEqual(at('2026-01-05T09:30:00'));
    expect(parseCron('15 10 * * *').next(at('2026-03-01T10:15:00'))).toEqual(at('2026-03-02T10:15:00'));
    expect(parseCron('0 0 0 1 JAN ?').next(at('2026-06-01T00:00:00'))).toEqual(at('2027-01-01T00:00:00'));
    expect(parseCron('0 0 12 * * 7').next(at('2026-01-01T00:00:00'))).toEqual(at('2026-01-04T12:00:00'));
  });

  it('rejects malformed expressions and recognises OFF', () => {
    expect(() => parseCron('* * *')).toThrow(/expected 6 fields/);
    expect(() => parseCron('61 * * * * *')).toThrow(/61 is outside 0-59/);
    expect(() => parseCron('0 0 0 * * FOO')).toThrow(/not a number/);
    expect(isCronOff('OFF')).toBe(true);
    expect(isCronOff('-')).toBe(true);
    expect(isCronOff('0 * * * * *')).toBe(false);
  });
});
