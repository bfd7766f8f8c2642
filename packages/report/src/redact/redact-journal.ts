import { isSensitiveKey, redactionPlaceholder, redactUrlCredentials, type Journal } from '@faultline/core';

export const REDACTED = redactionPlaceholder;

// One rule set for the whole product: the engine's (isSensitiveKey, URL credentials).
const sensitiveKey = { test: isSensitiveKey };

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Literal secret values declared in the experiment; env-typed ones are never resolved in a journal. */
function literalSecrets(journal: Journal): string[] {
  const found = new Set<string>();
  const collect = (value: unknown): void => {
    if (typeof value === 'string' && value.length >= 4) found.add(value);
    else if (typeof value === 'number' && String(value).length >= 6) found.add(String(value));
    else if (Array.isArray(value)) value.forEach(collect);
    else if (isObject(value) && value.type !== 'env') Object.values(value).forEach(collect);
    else if (isObject(value) && value.type === 'env' && value.default !== undefined) collect(value.default);
  };
  const secrets = journal.experiment.secrets;
  if (isObject(secrets)) for (const scope of Object.values(secrets)) collect(scope);
  const configuration = journal.experiment.configuration;
  if (isObject(configuration)) {
    for (const [key, value] of Object.entries(configuration)) if (sensitiveKey.test(key)) collect(value);
  }
  // longest first, so a secret containing another is replaced whole
  return [...found].sort((a, b) => b.length - a.length);
}

/**
 * A deep copy of the journal that is safe to show: every value under the experiment's `secrets`
 * (literal or `env`-typed) becomes `***`, credential-looking keys anywhere are masked unless they
 * only hold a `${...}` placeholder, and a literal secret that leaked into an output or an error
 * message (Chaos Toolkit lets dynamic configuration do that) is masked in place.
 */
const maxDepth = 100;

export function redactJournal(journal: Journal): Journal {
  const secrets = literalSecrets(journal);
  const scrubText = (text: string): string => {
    let out = text;
    for (const secret of secrets) if (out.includes(secret)) out = out.split(secret).join(REDACTED);
    return redactUrlCredentials(out);
  };
  const walk = (value: unknown, key?: string, depth = 0): unknown => {
    // An output nested thousands deep would overflow the stack: below this depth it is kept as
    // (scrubbed) JSON text, which is all a report shows of it anyway.
    if (depth > maxDepth && typeof value === 'object' && value !== null) return scrubText(deepText(value));
    if (typeof value === 'string') {
      if (key !== undefined && sensitiveKey.test(key) && !value.includes('${')) return REDACTED;
      return scrubText(value);
    }
    if (Array.isArray(value)) return value.map((item) => walk(item, undefined, depth + 1));
    if (isObject(value)) {
      const out: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(value)) {
        out[k] = typeof v === 'number' && sensitiveKey.test(k) ? REDACTED : walk(v, k, depth + 1);
      }
      return out;
    }
    return value;
  };
  const copy = walk(journal) as Journal;
  const declared = copy.experiment.secrets;
  if (isObject(declared)) {
    const masked: Record<string, Record<string, string>> = {};
    for (const [scope, values] of Object.entries(declared)) {
      masked[scope] = {};
      if (isObject(values)) for (const name of Object.keys(values)) masked[scope][name] = REDACTED;
    }
    copy.experiment.secrets = masked;
  }
  return copy;
}

/** JSON text of a deeply nested value, or a note when even that is too deep for the stack. */
function deepText(value: object): string {
  try {
    return JSON.stringify(value);
  } catch {
    return '(value nested too deeply to show)';
  }
}
