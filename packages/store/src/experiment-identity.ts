import { createHash } from 'node:crypto';
import type { Experiment } from '@faultline/core';

/** Sorted keys and collapsed whitespace in strings: equal for values that mean the same. */
export function canonicalize(value: unknown): unknown {
  if (typeof value === 'string') return value.trim().replace(/\s+/g, ' ');
  if (Array.isArray(value)) return value.map(canonicalize);
  if (typeof value === 'object' && value !== null) {
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value).sort()) {
      const item = (value as Record<string, unknown>)[key];
      if (item !== undefined) out[key] = canonicalize(item);
    }
    return out;
  }
  return value;
}

/** An activity or hypothesis without its free text (title, description), which changes nothing it does. */
function withoutProse(value: unknown): unknown {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return value;
  const { title: _title, description: _description, ...rest } = value as Record<string, unknown>;
  return rest;
}

export const sha256 = (text: string): string => createHash('sha256').update(text).digest('hex');

/** The id set in `extensions: [{name: faultline, experiment_id: …}]`, if any. */
export function explicitExperimentId(experiment: Pick<Experiment, 'extensions'>): string | undefined {
  for (const extension of experiment.extensions ?? []) {
    if (extension.name !== 'faultline') continue;
    const id = extension.experiment_id ?? extension.id;
    if (typeof id === 'string' && id.trim()) return id.trim();
  }
  return undefined;
}

/**
 * An experiment's identity across runs: the explicit id when the experiment declares one,
 * otherwise a hash of its normalised method and steady-state hypothesis. Reformatting the file,
 * reordering keys, re-wrapping text or retitling keeps the identity; changing what is injected or
 * checked makes a new experiment (its history would not be comparable).
 */
export function experimentIdentity(
  experiment: Pick<Experiment, 'method' | 'steady-state-hypothesis' | 'extensions'>,
): string {
  const explicit = explicitExperimentId(experiment);
  if (explicit) return explicit;
  const hypothesis = withoutProse(experiment['steady-state-hypothesis'] ?? null) as { probes?: unknown[] } | null;
  const meaning = canonicalize({
    method: (experiment.method ?? []).map(withoutProse),
    hypothesis: hypothesis && { ...hypothesis, probes: (hypothesis.probes ?? []).map(withoutProse) },
  });
  return sha256(JSON.stringify(meaning)).slice(0, 16);
}
