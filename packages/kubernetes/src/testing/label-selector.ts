import { StatusError } from './status-error.js';

type Requirement =
  | { op: 'eq' | 'neq'; key: string; value: string }
  | { op: 'in' | 'notin'; key: string; values: string[] }
  | { op: 'exists' | 'notexists'; key: string };

/** Split on commas that are not inside a set `( … )`. */
function splitTopLevel(text: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let current = '';
  for (const char of text) {
    if (char === '(') depth += 1;
    if (char === ')') depth -= 1;
    if (char === ',' && depth === 0) {
      parts.push(current);
      current = '';
    } else current += char;
  }
  parts.push(current);
  return parts.map((part) => part.trim()).filter((part) => part.length > 0);
}

function parseRequirement(text: string): Requirement {
  let match = text.match(/^([^\s!=()]+)\s+(in|notin)\s+\(([^)]*)\)$/);
  if (match)
    return {
      op: match[2] as 'in' | 'notin',
      key: match[1]!,
      values: match[3]!.split(',').map((value) => value.trim()),
    };
  match = text.match(/^([^\s!=()]+)\s*(!=|==|=)\s*([^\s!=()]*)$/);
  if (match) return { op: match[2] === '!=' ? 'neq' : 'eq', key: match[1]!, value: match[3]! };
  match = text.match(/^!\s*([^\s!=()]+)$/);
  if (match) return { op: 'notexists', key: match[1]! };
  match = text.match(/^([^\s!=()]+)$/);
  if (match) return { op: 'exists', key: match[1]! };
  throw StatusError.badRequest(`unable to parse requirement: "${text}"`);
}

/**
 * A compiled Kubernetes label selector: equality (`a=b`, `a==b`, `a!=b`), sets (`a in (x,y)`,
 * `a notin (x)`) and existence (`a`, `!a`), comma-separated (AND).
 */
export function compileLabelSelector(
  selector: string | undefined,
): (labels: Record<string, string> | undefined) => boolean {
  if (!selector || selector.trim() === '') return () => true;
  const requirements = splitTopLevel(selector).map(parseRequirement);
  return (labels = {}) =>
    requirements.every((req) => {
      const has = Object.prototype.hasOwnProperty.call(labels, req.key);
      const value = labels[req.key];
      switch (req.op) {
        case 'eq':
          return has && value === req.value;
        case 'neq':
          return !has || value !== req.value;
        case 'in':
          return has && req.values.includes(value!);
        case 'notin':
          return !has || !req.values.includes(value!);
        case 'exists':
          return has;
        case 'notexists':
          return !has;
      }
    });
}
