/**
 * Chaos Toolkit substitution: `${name}` and `$name` (Python `string.Template` rules, `$$` escapes a
 * dollar) are replaced by the first value found in the configuration, then in each secret scope in
 * declaration order. Strings are rewritten recursively inside arrays and objects (values only, never
 * keys); other values are returned untouched.
 *
 * A string that is exactly `${name}` becomes the value itself, keeping its type (a number stays a
 * number). Unknown names are left as written, so a `$HOME` meant for a shell survives.
 *
 * Difference from Chaos Toolkit: a non-string value embedded in a larger string is rendered as JSON
 * (`true`, `null`, `{"a":1}`) where Chaos Toolkit renders Python's repr (`True`, `None`, `{'a': 1}`).
 */

import { isPlainObject } from './is-plain-object.js';

export type SubstitutionSecrets = Readonly<Record<string, unknown>>;

// Python's Template.pattern: `$$`, `$identifier`, `${identifier}`, or a lone `$` (left as is).
const templatePattern = /\$(?:(\$)|([_a-z][_a-z0-9]*)|\{([_a-z][_a-z0-9]*)\}|())/gi;
const wholeBraced = /^\$\{([_a-z][_a-z0-9]*)\}$/i;

type Lookup = (name: string) => { found: true; value: unknown } | { found: false };

export function substitute<T>(
  value: T,
  configuration: Readonly<Record<string, unknown>> | undefined | null,
  secrets: SubstitutionSecrets | undefined | null,
): T {
  const lookup = createLookup(configuration ?? {}, secrets ?? {});
  return substituteWith(value, lookup) as T;
}

/** Substitute a single string; returns a non-string when the string is exactly `${name}`. */
export function substituteString(
  text: string,
  configuration: Readonly<Record<string, unknown>> | undefined | null,
  secrets: SubstitutionSecrets | undefined | null,
): unknown {
  return substituteText(text, createLookup(configuration ?? {}, secrets ?? {}));
}

function createLookup(configuration: Readonly<Record<string, unknown>>, secrets: SubstitutionSecrets): Lookup {
  // Like Chaos Toolkit's ChainMap(configuration, *secrets.values()): configuration wins, then scopes in order.
  const layers: Array<Readonly<Record<string, unknown>>> = [configuration];
  const loose: Record<string, unknown> = {};
  for (const [scope, entries] of Object.entries(secrets)) {
    if (isPlainObject(entries)) layers.push(entries);
    else loose[scope] = entries; // tolerate an already-merged secrets object
  }
  layers.push(loose);
  return (name) => {
    for (const layer of layers) {
      if (Object.prototype.hasOwnProperty.call(layer, name) && layer[name] !== undefined) {
        return { found: true, value: layer[name] };
      }
    }
    return { found: false };
  };
}

function substituteWith(value: unknown, lookup: Lookup): unknown {
  if (typeof value === 'string') return substituteText(value, lookup);
  if (Array.isArray(value)) return value.map((item) => substituteWith(item, lookup));
  if (isPlainObject(value)) {
    const out: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) out[key] = substituteWith(item, lookup);
    return out;
  }
  return value;
}

function substituteText(text: string, lookup: Lookup): unknown {
  if (!text.includes('$')) return text;
  const whole = wholeBraced.exec(text);
  if (whole) {
    const hit = lookup(whole[1]!);
    if (hit.found) return hit.value;
  }
  return text.replace(templatePattern, (match, escaped?: string, named?: string, braced?: string) => {
    if (escaped !== undefined) return '$';
    const name = named ?? braced;
    if (name === undefined) return match;
    const hit = lookup(name);
    return hit.found ? render(hit.value) : match;
  });
}

function render(value: unknown): string {
  if (typeof value === 'string') return value;
  if (value === null || typeof value === 'object') return JSON.stringify(value);
  return String(value);
}
