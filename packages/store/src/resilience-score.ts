import type { Finding, Outcome, ResilienceScore, Severity } from './types.js';

/** How much one unresolved finding lowers the score. */
export const severityPenalty: Record<Severity, number> = { low: 0.05, medium: 0.1, high: 0.2, critical: 0.35 };

/** Runs considered, and the age (in runs) at which a run counts half. */
export const scoreWindow = 20;
export const scoreHalfLife = 5;

/**
 * Resilience score, 0..100 (docs/store.md explains the choice):
 *
 *   score = 100 × heldShare × Π over open and regressed findings (1 − penalty(severity))
 *
 * heldShare is the share of the last 20 decisive runs (held or deviated; failed, interrupted and
 * untried runs say nothing about the system) that held, each weighted 0.5^(age / 5) so the newest
 * run counts most and a run 5 runs back counts half. Null without a decisive run.
 */
export function resilienceScore(outcomesNewestFirst: Outcome[], findings: Finding[]): ResilienceScore {
  const decisive = outcomesNewestFirst.filter((o) => o === 'held' || o === 'deviated').slice(0, scoreWindow);
  const unresolved = findings.filter((f) => f.state === 'open' || f.state === 'regressed');
  const findingsFactor = unresolved.reduce((factor, f) => factor * (1 - severityPenalty[f.severity]), 1);
  if (!decisive.length)
    return { value: null, heldShare: null, findingsFactor, decisiveRuns: 0, openFindings: unresolved.length };
  let weighted = 0;
  let total = 0;
  decisive.forEach((outcome, age) => {
    const weight = 0.5 ** (age / scoreHalfLife);
    total += weight;
    if (outcome === 'held') weighted += weight;
  });
  const heldShare = weighted / total;
  return {
    value: Math.round(100 * heldShare * findingsFactor),
    heldShare,
    findingsFactor,
    decisiveRuns: decisive.length,
    openFindings: unresolved.length,
  };
}
