import { UsageError } from '../errors/faultline-error.js';
import { safeRegex, type SafeRegex } from '../regex/safe-regex.js';

/**
 * Compiles a Chaos Toolkit (Python `re`) pattern for RE2's linear-time engine (see safeRegex), so
 * a catastrophic pattern cannot hang a run. RE2 reads `(?P<name>…)` and `\A` itself; `\Z`, leading
 * inline flags `(?ims)` and `$`, which in Python also matches before a final newline (so `^ok$`
 * matches a process's "ok\n"), are translated. Backreferences and lookarounds are refused.
 * Throws a UsageError (code E_REGEX, with the pattern) when the pattern cannot be compiled.
 */
export function pythonRegex(pattern: string): SafeRegex {
  let flags = '';
  let body = pattern;
  const inline = /^\(\?([aiLmsux]+)\)/.exec(body);
  if (inline) {
    body = body.slice(inline[0].length);
    for (const flag of inline[1]!) {
      if (flag === 'x')
        throw new UsageError(`verbose flag (?x) is not supported in ${JSON.stringify(pattern)}`, { code: 'E_REGEX' });
      if ('ims'.includes(flag) && !flags.includes(flag)) flags += flag;
    }
  }
  const multiline = flags.includes('m');
  let out = '';
  let inClass = false;
  for (let i = 0; i < body.length; i++) {
    const ch = body[i]!;
    if (ch === '\\') {
      const next = body[i + 1];
      out += !inClass && next === 'Z' ? '\\z' : ch + (next ?? '');
      i++;
      continue;
    }
    if (inClass) {
      if (ch === ']') inClass = false;
      out += ch;
      continue;
    }
    if (ch === '[') {
      inClass = true;
      out += ch;
      // A `]` (or `^]`) right after the opening bracket is a literal in Python.
      if (body[i + 1] === '^') out += body[++i];
      if (body[i + 1] === ']') {
        out += '\\]';
        i++;
      }
      continue;
    }
    if (ch === '$' && !multiline) {
      // Consumes the newline instead of looking ahead (RE2 has no lookahead): same verdict for a search.
      out += '(?:\\n?\\z)';
      continue;
    }
    out += ch;
  }
  return safeRegex(out, flags, pattern);
}
