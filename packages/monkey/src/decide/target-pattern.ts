/**
 * A watcher pattern: "GET /api/orders/*", "/api/*" or "OrderRepository.*". An upper-case first word
 * followed by a space restricts HTTP methods ("GET|POST /x" allowed); `*` matches any characters.
 */
export interface TargetPattern {
  readonly source: string;
  matches(name: string, method?: string): boolean;
}

const methodPrefix = /^([A-Z]+(?:\|[A-Z]+)*)\s+(.*)$/;

/**
 * A glob of literal pieces joined by `*`, matched without a regular expression: the first piece
 * is a prefix, the last a suffix, the ones between are found left to right (leftmost is always
 * right for `*`-only globs). Time is at most pattern × name length, never exponential, whatever
 * the user writes: a regex built from "*a*a*a*a*a*b" backtracks polynomially in the name length.
 */
export function globMatcher(glob: string): (name: string) => boolean {
  const pieces = glob.split('*');
  if (pieces.length === 1) return (name) => name === glob;
  const first = pieces[0]!;
  const last = pieces[pieces.length - 1]!;
  const middle = pieces.slice(1, -1).filter((p) => p !== '');
  const minLength = first.length + last.length;
  return (name) => {
    if (name.length < minLength || !name.startsWith(first) || !name.endsWith(last)) return false;
    let at = first.length;
    const end = name.length - last.length;
    for (const piece of middle) {
      const found = name.indexOf(piece, at);
      if (found < 0 || found + piece.length > end) return false;
      at = found + piece.length;
    }
    return true;
  };
}

export function targetPattern(source: string): TargetPattern {
  const m = methodPrefix.exec(source.trim());
  const methods = m ? new Set(m[1]!.split('|')) : undefined;
  const matchesName = globMatcher(m ? m[2]! : source.trim());
  return {
    source,
    matches(name, method) {
      if (methods && (method === undefined || !methods.has(method))) return false;
      return matchesName(name);
    },
  };
}
