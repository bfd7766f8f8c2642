import { describe, expect, it } from 'vitest';
import type { Finding } from './types.js';
import { resilienceScore } from './resilience-score.js';

const finding = (severity: Finding['severity'], state: Finding['state'] = 'open') => ({ severity, state }) as Finding;

describe('resilienceScore', () => {
  it('is null without a decisive run, and ignores failed or interrupted runs', () => {
    expect(resilienceScore(['failed', 'interrupted'], []).value).toBeNull();
    expect(resilienceScore(['failed', 'held'], []).value).toBe(100);
  });

  it('weights recent runs more: a fresh deviation costs more than an old one', () => {
    const recentFailure = resilienceScore(['deviated', 'held', 'held', 'held'], []).value!;
    const oldFailure = resilienceScore(['held', 'held', 'held', 'deviated'], []).value!;
    expect(recentFailure).toBeLessThan(oldFailure);
    // weights 1, 0.87, 0.76, 0.66: held share (0.87 + 0.76 + 0.66) / 3.29
    expect(recentFailure).toBe(70);
  });

  it('lowers the score for each unresolved finding by its severity', () => {
    expect(resilienceScore(['held'], [finding('critical'), finding('low', 'regressed')]).value).toBe(62);
    expect(resilienceScore(['held'], [finding('critical', 'fixed'), finding('high', 'verified')]).value).toBe(100);
  });

  it('only counts the last 20 decisive runs', () => {
    const outcomes = [...Array(20).fill('held'), ...Array(50).fill('deviated')];
    expect(resilienceScore(outcomes, []).value).toBe(100);
  });
});
