/** A request assault that may be chosen for an attacked call. */
export interface Candidate<T> {
  readonly value: T;
  /** Own share of attacked calls (0..1), or null to share what explicit probabilities leave. */
  readonly probability: number | null;
}

/**
 * One assault per attacked call. Assaults with an explicit probability take that share of attacked
 * calls; the rest is split evenly among those without one. With no probabilities at all this is
 * Chaos Monkey for Spring Boot's uniform choice; with the seed's `exceptions.probability: 0.2` and
 * latency enabled, 20 % of calls fail and 80 % are slowed.
 */
export function chooseAssault<T>(candidates: readonly Candidate<T>[], random: () => number): T | undefined {
  if (candidates.length === 0) return undefined;
  const r = random();
  let acc = 0;
  let shared = 0;
  for (const c of candidates) {
    if (c.probability === null) shared++;
    else {
      acc += c.probability;
      if (r < acc) return c.value;
    }
  }
  if (shared === 0) return undefined;
  // Map the remaining interval [acc, 1) evenly onto the candidates without a probability.
  const slot = Math.min(shared - 1, Math.floor(((r - acc) / (1 - acc)) * shared));
  let seen = 0;
  for (const c of candidates) {
    if (c.probability === null && seen++ === slot) return c.value;
  }
  return undefined;
}
