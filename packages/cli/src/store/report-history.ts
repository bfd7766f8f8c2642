import { FaultlineError, type Journal } from '@faultline/core';
import type { ExperimentHistory } from '@faultline/report';
import type { CliIo } from '../cli-io.js';
import type { GlobalFlags } from '../global-flags.js';
import { withStore } from './cli-store.js';

/** Trend, score and findings of each experiment in the journals, for `faultline report --history`. */
export async function reportHistory(
  journals: readonly Journal[],
  storeFlag: string | undefined,
  globals: GlobalFlags,
  io: CliIo,
): Promise<ExperimentHistory[]> {
  const { experimentIdentity } = await import('@faultline/store');
  const ids = [...new Set(journals.map((j) => experimentIdentity(j.experiment)))];
  return withStore(storeFlag, globals, io, async (store) => {
    const histories: ExperimentHistory[] = [];
    for (const id of ids) {
      let trend;
      try {
        trend = await store.trend({ experiment: id }, { limit: 50 });
      } catch (error) {
        if (error instanceof FaultlineError && error.code === 'E_STORE_NO_EXPERIMENT') continue; // never recorded
        throw error;
      }
      const findings = await store.listFindings({ experiment: id });
      histories.push({
        experimentId: id,
        title: trend.title,
        score: trend.score.value,
        passRate: trend.passRate,
        medianTimeToImpactSeconds: trend.medianTimeToImpactSeconds,
        medianTimeToRecoverSeconds: trend.medianTimeToRecoverSeconds,
        runs: trend.points.map((p) => ({
          runId: p.runId,
          start: p.startedAt,
          outcome: p.outcome,
          durationSeconds: p.durationSeconds,
          heldRatio: p.heldRatio,
        })),
        findings: findings.map((f) => ({
          id: f.id,
          title: f.title,
          state: f.state,
          severity: f.severity,
          owner: f.owner,
          fixLink: f.fixLink,
        })),
      });
    }
    if (!histories.length) io.stderr.write(`report: none of these experiments has runs in ${store.location}\n`);
    return histories;
  });
}
