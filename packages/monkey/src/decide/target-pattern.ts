/**
 * A watcher pattern: "GET /api/orders/*", "/api/*" or "OrderRepository.*". An upper-case first word
 * followed by a space restricts HTTP methods ("GET|POST /x" allowed); `*` matches any characters.
 */
export interface TargetPattern {
  readonly source: string;
  matches(name: string, method?: string): boolean;
}

const methodPrefix = /^([A-Z]+(?:\|[A-Z]+)*)\s+(.*)$/;

function globToRegExp(glob: string): RegExp {
  const escaped = glob.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*');
  return new RegExp(`^${escaped}$`);
}

export function targetPattern(source: string): TargetPattern {
  const m = methodPrefix.exec(source.trim());
  const methods = m ? new Set(m[1]!.split('|')) : undefined;
  const regex = globToRegExp(m ? m[2]! : source.trim());
  return {
    source,
    matches(name, method) {
      if (methods && (method === undefined || !methods.has(method))) return false;
      return regex.test(name);
    },
  };
}
