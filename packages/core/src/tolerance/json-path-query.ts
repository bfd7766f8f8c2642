import { JSONPath } from 'jsonpath-plus';

/**
 * Evaluates a JSONPath the way Chaos Toolkit's `jsonpath2` backend does, on top of jsonpath-plus.
 *
 * jsonpath2 differs from Goessner-style JSONPath in its filters: `[?(expr)]` tests the *current*
 * node (so `$.foo[?(@.baz)]` on `{"foo": {"baz": 1}}` yields foo itself) and writes equality as
 * `=` and logic as `and`/`or`/`not`. We keep both readings working: a filter applied to an array
 * filters its elements (standard JSONPath), applied to an object it tests the object (jsonpath2);
 * `=`, `and`, `or`, `not` are accepted alongside `==`, `&&`, `||`, `!`, and a bare path in a
 * filter tests existence (jsonpath2) rather than truthiness.
 */
export function jsonPathQuery(path: string, document: unknown): unknown[] {
  const parts = splitFilters(path.trim());
  let nodes: unknown[] = [document];
  // After `..` every descendant is already a node: a filter then tests each one itself.
  let afterDescent = false;
  for (const part of parts) {
    if (part.kind === 'filter') {
      const test = compileFilter(part.expression);
      const selfOnly = afterDescent;
      nodes = nodes.flatMap((node) => {
        if (Array.isArray(node) && !selfOnly) return node.filter(test);
        if (node !== null && typeof node === 'object') return test(node) ? [node] : [];
        return [];
      });
      afterDescent = false;
    } else {
      nodes = nodes.flatMap((node) => evaluatePlain(part.text, node));
      afterDescent = part.text.endsWith('..');
    }
  }
  return nodes;
}

type Part = { kind: 'path'; text: string } | { kind: 'filter'; expression: string };

function splitFilters(path: string): Part[] {
  const parts: Part[] = [];
  let start = 0;
  let quote: string | undefined;
  let depth = 0;
  for (let i = 0; i < path.length; i++) {
    const ch = path[i]!;
    if (quote) {
      if (ch === '\\') i++;
      else if (ch === quote) quote = undefined;
      continue;
    }
    if (ch === '"' || ch === "'") quote = ch;
    else if (ch === '[' && depth === 0 && path.startsWith('[?(', i)) {
      const end = findFilterEnd(path, i + 3);
      if (i > start) parts.push({ kind: 'path', text: path.slice(start, i) });
      parts.push({ kind: 'filter', expression: path.slice(i + 3, end) });
      i = end + 1; // skip ")]"
      start = i + 1;
    } else if (ch === '[') depth++;
    else if (ch === ']') depth--;
  }
  if (start < path.length) parts.push({ kind: 'path', text: path.slice(start) });
  return parts;
}

/** Index of the `)` that closes a filter opened just before `from` (followed by `]`). */
function findFilterEnd(path: string, from: number): number {
  let depth = 1;
  let quote: string | undefined;
  for (let i = from; i < path.length; i++) {
    const ch = path[i]!;
    if (quote) {
      if (ch === '\\') i++;
      else if (ch === quote) quote = undefined;
      continue;
    }
    if (ch === '"' || ch === "'") quote = ch;
    else if (ch === '(') depth++;
    else if (ch === ')' && --depth === 0) {
      if (path[i + 1] !== ']') break;
      return i;
    }
  }
  throw new SyntaxError(`unterminated filter in JSONPath "${path}"`);
}

function evaluatePlain(text: string, node: unknown): unknown[] {
  let path = text.startsWith('$') ? text : `$${text}`;
  if (path === '$') return [node];
  // `x..` right before a filter means "x and all its descendants" (jsonpath2's recursive descent).
  const descendants = path.endsWith('..');
  if (descendants) path = `${path}*`;
  const found = runJsonPath(path, node);
  if (!descendants) return found;
  const selves = path === '$..*' ? [node] : runJsonPath(path.slice(0, -3), node);
  return [...selves, ...found];
}

function runJsonPath(path: string, json: unknown): unknown[] {
  if (json === null || json === undefined || typeof json !== 'object') {
    return path === '$' ? [json] : [];
  }
  const result = JSONPath({ path, json: json as object, wrap: true, eval: 'safe' }) as unknown;
  return Array.isArray(result) ? result : [];
}

function compileFilter(expression: string): (node: unknown) => boolean {
  const translated = translateExpression(expression);
  return (node) => runJsonPath(`$[?(${translated})]`, [node]).length > 0;
}

/** jsonpath2 expression syntax → jsonpath-plus (JavaScript) syntax, outside quoted strings. */
function translateExpression(expression: string): string {
  const trimmed = expression.trim();
  if (/^@(?:\.[\w-]+|\[(?:'[^']*'|"[^"]*"|\d+)\])+$/.test(trimmed)) return `${trimmed} !== undefined`;
  return trimmed
    .split(/("(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*')/)
    .map((chunk, index) => {
      if (index % 2 === 1) return chunk; // a quoted string
      return chunk
        .replace(/\band\b/g, '&&')
        .replace(/\bor\b/g, '||')
        .replace(/\bnot\b\s*/g, '!')
        .replace(/!==?|(?<![<>=!])={1,3}/g, (op) => (op.startsWith('!') ? '!==' : '==='));
    })
    .join('');
}
