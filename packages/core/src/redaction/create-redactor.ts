import { isPlainObject } from '../substitution/is-plain-object.js';
import {
  isSensitiveKey,
  normalizeKey,
  redacted,
  redactUrlCredentials,
  sensitiveKeySet,
  urlPasswords,
} from './sensitive-keys.js';

export interface RedactorOptions {
  /**
   * Configuration keys whose values are secret (e.g. a token read from the environment, or a
   * dynamic value derived from secrets). Their values (from `configuration`) are scrubbed like
   * secrets, and any object key with that name has its value redacted.
   */
  configurationKeys?: readonly string[];
  /** The resolved configuration, to find the values of `configurationKeys`. */
  configuration?: Readonly<Record<string, unknown>>;
  /** More literal values to scrub. */
  extra?: readonly string[];
  /**
   * A document (the experiment, substituted) whose values under secret-looking keys are secrets
   * too: `arguments: {token: "..."}` must not reappear in an exception message or an output.
   */
  sensitiveValuesIn?: unknown;
}

export type Redactor = <T>(value: T) => T;

/** Secret strings shorter than this are only redacted as whole values, not inside larger strings. */
const minSubstringLength = 4;

/**
 * Builds a function that returns a deep copy of any value with every secret replaced by "***":
 * whole values, occurrences inside larger strings (an echoed token in an HTTP body or a process's
 * stdout, also URL- and JSON-escaped), and values under secret-looking keys (Authorization,
 * password, token, api_key…). Errors keep their class with a redacted message.
 */
export function createRedactor(
  secrets: Readonly<Record<string, Readonly<Record<string, unknown>>>>,
  options: RedactorOptions = {},
): Redactor {
  const values = new Set<string>();
  const numbers = new Set<number>();
  // Numbers shorter than 4 digits (a shard, a port offset) are too common to scrub from every
  // output without destroying it. Values derived from secrets (dynamic configuration) are
  // scrubbed only when long enough to be secret, not every "ok" or 1 they contain.
  const collect = (value: unknown, derived = false): void => {
    if (typeof value === 'string') {
      if (value !== '' && (!derived || value.length >= minSubstringLength)) values.add(value);
    } else if (typeof value === 'number') {
      if (String(Math.abs(value)).replace('.', '').length >= minSubstringLength) numbers.add(value);
    } else if (Array.isArray(value)) value.forEach((item) => collect(item, derived));
    else if (isPlainObject(value)) Object.values(value).forEach((item) => collect(item, derived));
  };
  collect(secrets);
  for (const key of options.configurationKeys ?? []) collect(options.configuration?.[key], true);
  // A configuration value under a secret-looking key is a secret, wherever it came from (the
  // experiment, an env variable, --var, a var file): scrubbed wherever it shows up later.
  for (const [key, value] of Object.entries(options.configuration ?? {})) if (isSensitiveKey(key)) collect(value);
  (options.extra ?? []).forEach((value) => collect(value));
  collectUnderSensitiveKeys(options.sensitiveValuesIn, collect);

  const fragments = new Set<string>();
  for (const value of values) {
    if (value.length < minSubstringLength) continue;
    fragments.add(value);
    fragments.add(encodeURIComponent(value));
    fragments.add(JSON.stringify(value).slice(1, -1));
  }
  const pattern =
    fragments.size === 0
      ? undefined
      : new RegExp(
          [...fragments]
            .sort((a, b) => b.length - a.length)
            .map(escapeRegExp)
            .join('|'),
          'g',
        );
  const keys = sensitiveKeySet(options.configurationKeys);

  const redactString = (text: string): string => {
    if (values.has(text)) return redacted;
    return redactUrlCredentials(pattern ? text.replace(pattern, redacted) : text);
  };

  const walk = (value: unknown, seen: WeakMap<object, unknown>): unknown => {
    if (typeof value === 'string') return redactString(value);
    if (typeof value === 'number') return numbers.has(value) ? redacted : value;
    if (value === null || typeof value !== 'object') return value;
    const known = seen.get(value);
    if (known !== undefined) return known;
    if (Array.isArray(value)) {
      const out: unknown[] = [];
      seen.set(value, out);
      for (const item of value) out.push(walk(item, seen));
      return out;
    }
    if (value instanceof Error) return redactError(value, redactString);
    if (!isPlainObject(value)) return value;
    const out: Record<string, unknown> = {};
    seen.set(value, out);
    for (const [key, item] of Object.entries(value)) {
      out[key] = isSensitiveKey(key) || keys.has(normalizeKey(key)) ? blank(item) : walk(item, seen);
    }
    return out;
  };

  return <T>(value: T): T => walk(value, new WeakMap()) as T;
}

function collectUnderSensitiveKeys(document: unknown, collect: (value: unknown) => void): void {
  const stack = [document];
  const seen = new Set<unknown>();
  while (stack.length) {
    const node = stack.pop();
    if (node === null || typeof node !== 'object' || seen.has(node)) continue;
    seen.add(node);
    for (const [key, value] of Object.entries(node)) {
      if (isSensitiveKey(key) && !Array.isArray(node) && !isReference(value)) collect(value);
      else if (typeof value === 'string') urlPasswords(value).forEach(collect);
      else stack.push(value);
    }
  }
}

/** `${name}`, `{type: env}` and dynamic declarations name a secret; they are not one. */
function isReference(value: unknown): boolean {
  if (typeof value === 'string') return /^\$\{[_a-z][_a-z0-9]*\}$/i.test(value);
  return isPlainObject(value) && (value.type === 'env' || value.type === 'vault' || value.type === 'probe');
}

/** Every leaf of a value under a secret-looking key becomes "***" (empty values stay empty). */
function blank(value: unknown): unknown {
  if (value === null || value === undefined || value === '') return value;
  // `${db_password}` names a secret (substituted later), it is not one.
  if (typeof value === 'string' && /^\$\{[_a-z][_a-z0-9]*\}$/i.test(value)) return value;
  if (Array.isArray(value)) return value.map(blank);
  // A reference such as {type: env, key: KUBE_TOKEN} names where a secret lives, not the secret;
  // a dynamic configuration declaration ({type: probe, provider}) says how to get it.
  if (isPlainObject(value) && (value.type === 'env' || value.type === 'vault')) {
    return 'default' in value ? { ...value, default: redacted } : value;
  }
  if (isPlainObject(value) && value.type === 'probe') return value;
  if (isPlainObject(value)) return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, blank(v)]));
  return redacted;
}

function redactError(error: Error, redactString: (text: string) => string): Error {
  const copy = Object.create(Object.getPrototypeOf(error) as object) as Error;
  for (const key of Object.getOwnPropertyNames(error)) {
    const value = (error as unknown as Record<string, unknown>)[key];
    Object.defineProperty(copy, key, {
      value: typeof value === 'string' ? redactString(value) : value,
      writable: true,
      configurable: true,
      enumerable: Object.prototype.propertyIsEnumerable.call(error, key),
    });
  }
  return copy;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
