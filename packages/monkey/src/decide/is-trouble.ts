/**
 * Whether a call is attacked: 1 in `level` at random, or exactly every `level`-th call when
 * deterministic (Chaos Monkey for Spring Boot's semantics; level 1 attacks every call).
 */
export function isTrouble(
  level: number,
  deterministic: boolean,
  counter: { n: number },
  random: () => number,
): boolean {
  if (level <= 1) return true;
  if (deterministic) return ++counter.n % level === 0;
  return random() * level < 1;
}
