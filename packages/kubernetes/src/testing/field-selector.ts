import { StatusError } from './status-error.js';

function readPath(object: unknown, path: string): unknown {
  let current: unknown = object;
  for (const part of path.split('.')) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<string, unknown>)[part];
  }
  return current;
}

/**
 * A compiled field selector (`metadata.name=x,spec.nodeName!=y,status.phase=Running`).
 * Any dotted path is accepted; a missing field compares as "" like the real API for string fields.
 */
export function compileFieldSelector(selector: string | undefined): (object: unknown) => boolean {
  if (!selector || selector.trim() === '') return () => true;
  const terms = selector
    .split(',')
    .map((term) => term.trim())
    .filter(Boolean)
    .map((term) => {
      const match = term.match(/^([A-Za-z0-9_.]+)\s*(!=|==|=)\s*(.*)$/);
      if (!match) throw StatusError.badRequest(`invalid field selector: "${term}"`);
      return { path: match[1]!, negate: match[2] === '!=', value: match[3]! };
    });
  return (object) =>
    terms.every((term) => {
      const raw = readPath(object, term.path);
      const value = raw === undefined || raw === null ? '' : String(raw);
      return term.negate ? value !== term.value : value === term.value;
    });
}
