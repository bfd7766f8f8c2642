import type { DocumentPath } from '../loader/experiment-source.js';

// `$$` escapes a dollar (group 1); `${name}` and `$name` refer to an entry.
const reference = /\$(?:(\$)|\{([_a-z][_a-z0-9]*)\}|([_a-z][_a-z0-9]*))/gi;

/**
 * Configuration entries whose `${}` references lead back to themselves (`a: "${a}"`, or `a: "${b}"`
 * with `b: "${a}"`). Substitution is one pass, so such a value would reach activities as the
 * literal text `${b}`: always a mistake, reported instead of run.
 */
export function substitutionCycles(configuration: unknown): Array<{ path: DocumentPath; message: string }> {
  if (!configuration || typeof configuration !== 'object' || Array.isArray(configuration)) return [];
  const entries = configuration as Record<string, unknown>;
  const edges = new Map<string, string[]>();
  for (const [key, value] of Object.entries(entries)) {
    if (typeof value !== 'string') continue;
    const targets = [...value.matchAll(reference)]
      .filter((m) => m[1] === undefined)
      .map((m) => (m[2] ?? m[3])!)
      .filter((name) => Object.prototype.hasOwnProperty.call(entries, name));
    if (targets.length) edges.set(key, targets);
  }
  const problems: Array<{ path: DocumentPath; message: string }> = [];
  for (const start of edges.keys()) {
    // Breadth-first from each entry: is there a way back to it? (few keys: quadratic is fine)
    const seen = new Map<string, string>();
    const queue = [...(edges.get(start) ?? [])].map((next) => [next, start] as const);
    while (queue.length) {
      const [node, from] = queue.shift()!;
      if (seen.has(node)) continue;
      seen.set(node, from);
      if (node === start) break;
      for (const next of edges.get(node) ?? []) queue.push([next, node]);
    }
    if (!seen.has(start)) continue;
    const chain = [start];
    for (let node = seen.get(start)!; node !== start; node = seen.get(node)!) chain.unshift(node);
    problems.push({
      path: ['configuration', start],
      message: `refers to itself through substitution (${[start, ...chain.slice(0, -1).reverse(), start].map((k) => '${' + k + '}').join(' → ')})`,
    });
  }
  return problems;
}
