import { createRequire } from 'node:module';
import type { RE2JS } from 're2js';
import { UsageError } from '../errors/faultline-error.js';

/** A compiled user pattern: runs in time linear in the input, whatever the pattern. */
export interface SafeRegex {
  /** The pattern as given. */
  readonly source: string;
  /** True when the pattern matches somewhere in the input (RegExp.test). */
  test(input: string): boolean;
  /** True when the pattern matches the whole input (Istio's and Go's full match). */
  matches(input: string): boolean;
}

/** re2js is loaded on the first pattern: most runs and proxies use none, and every start would pay for it. */
let engine: typeof RE2JS | undefined;
const re2 = (): typeof RE2JS => (engine ??= (createRequire(import.meta.url)('re2js') as { RE2JS: typeof RE2JS }).RE2JS);

/** Why RE2 refuses what a backtracking engine takes (its own message names only the token). */
const unsupported: Array<[RegExp, string]> = [
  [/\(\?<?[=!]/, 'lookahead and lookbehind are not supported'],
  [/\\[1-9]|\(\?P=|\\k</, 'backreferences are not supported'],
];

/**
 * Compiles a user-supplied pattern with RE2's linear-time engine (re2js), so no pattern and input
 * can hold the event loop (`(a+)+$` on "aaaa…!" takes exponential time in a backtracking engine).
 * Flags: i, m, s. RE2 syntax is JavaScript's minus lookarounds and backreferences; anything it
 * cannot run is a UsageError (code E_REGEX) naming the pattern (as `shownAs`, for a translated one) and why.
 */
export function safeRegex(pattern: string, flags = '', shownAs = pattern): SafeRegex {
  const RE2 = re2();
  const flagBits: Record<string, number> = { i: RE2.CASE_INSENSITIVE, m: RE2.MULTILINE, s: RE2.DOTALL };
  let bits = 0;
  for (const flag of flags) {
    const bit = flagBits[flag];
    if (bit === undefined) throw regexError(shownAs, `unsupported flag "${flag}" (use i, m or s)`);
    bits |= bit;
  }
  let compiled: RE2JS;
  try {
    compiled = RE2.compile(pattern, bits);
  } catch (error) {
    const message = (error as Error).message.replace(/^error parsing regexp: /, '');
    const reason = unsupported.find(([test]) => test.test(pattern))?.[1];
    throw regexError(shownAs, reason ? `${reason} (${message})` : message);
  }
  return {
    source: shownAs,
    test: (input) => compiled.test(input),
    matches: (input) => compiled.matches(input),
  };
}

function regexError(pattern: string, reason: string): UsageError {
  return new UsageError(`invalid regular expression ${JSON.stringify(pattern)}: ${reason}`, {
    code: 'E_REGEX',
    hint: 'patterns run on a linear-time engine (RE2 syntax): no lookahead, lookbehind or backreferences',
  });
}
