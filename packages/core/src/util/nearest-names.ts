/** Levenshtein distance, for "did you mean" suggestions. */
function distance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let previous = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const current = row[j]!;
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, previous + (a[i - 1] === b[j - 1] ? 0 : 1));
      previous = current;
    }
  }
  return row[b.length]!;
}

/** The known names closest to `name`, best first (at most `limit`). */
export function nearestNames(name: string, known: Iterable<string>, limit = 3): string[] {
  const scored = [...new Set(known)].map((candidate) => ({
    candidate,
    score: distance(name.toLowerCase(), candidate.toLowerCase()),
  }));
  const threshold = Math.max(3, Math.ceil(name.length / 2));
  return scored
    .filter((s) => s.score <= threshold || s.candidate.includes(name) || name.includes(s.candidate))
    .sort((a, b) => a.score - b.score)
    .slice(0, limit)
    .map((s) => s.candidate);
}
