import { describe, expect, it } from 'vitest';
import { parseTime, toPromTime } from './parse-time.js';
import { parseWindow } from './parse-window.js';

const now = new Date('2024-05-01T12:00:00Z');
const ago = (seconds: number) => new Date(now.getTime() - seconds * 1000).toISOString();

describe('parseTime', () => {
  it.each([
    ['now', 0],
    ['5 minutes ago', 300],
    ['2 minutes ago', 120],
    ['a minute ago', 60],
    ['an hour ago', 3600],
    ['1h30m ago', 5400],
    ['1 day ago', 86_400],
    ['now-5m', 300],
    ['now - 30s', 30],
    ['-10s', 10],
    ['in 2m', -120],
    ['now+1m', -60],
  ])('reads %s', (text, secondsAgo) => {
    expect(parseTime(text, now).toISOString()).toBe(ago(secondsAgo));
  });

  it('reads RFC 3339 dates and Unix timestamps', () => {
    expect(parseTime('2024-05-01T11:00:00Z', now).toISOString()).toBe('2024-05-01T11:00:00.000Z');
    expect(parseTime('2024-05-01T13:00:00+02:00', now).toISOString()).toBe('2024-05-01T11:00:00.000Z');
    expect(parseTime(1714561200, now).toISOString()).toBe('2024-05-01T11:00:00.000Z');
    expect(parseTime('1714561200', now).toISOString()).toBe('2024-05-01T11:00:00.000Z');
    expect(parseTime(1714561200000, now).toISOString()).toBe('2024-05-01T11:00:00.000Z');
    expect(parseTime(undefined, now)).toBe(now);
  });

  it('rejects what it cannot read, with a hint', () => {
    expect(() => parseTime('last tuesday', now)).toThrow(/cannot read "last tuesday"/);
    expect(() => parseTime('5 fortnights ago', now)).toThrow(/unknown unit/);
  });

  it('formats Prometheus API times', () => {
    expect(toPromTime(now)).toBe('1714564800.000');
  });
});

describe('parseWindow', () => {
  it('adds days and weeks to the shared duration parser', () => {
    expect(parseWindow('1d')).toBe(86_400);
    expect(parseWindow('2 days')).toBe(172_800);
    expect(parseWindow('1w')).toBe(604_800);
    expect(parseWindow('1d12h')).toBe(129_600);
    expect(parseWindow('15m')).toBe(900);
    expect(parseWindow(30)).toBe(30);
    expect(parseWindow('500ms')).toBe(0.5);
  });
});
