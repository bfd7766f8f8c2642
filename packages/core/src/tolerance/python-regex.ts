/**
 * Compiles a Chaos Toolkit (Python `re`) pattern as a JavaScript RegExp. Python-only syntax is
 * translated: `(?P<name>…)`, `(?P=name)`, `\A`, `\Z`, leading inline flags `(?ims)`, and `$`, which
 * in Python also matches before a final newline (so `^ok$` matches a process's "ok\n").
 * Throws a SyntaxError (with the pattern) when the pattern cannot be compiled.
 */
export function pythonRegex(pattern: string): RegExp {
  let flags = '';
  let body = pattern;
  const inline = /^\(\?([aiLmsux]+)\)/.exec(body);
  if (inline) {
    body = body.slice(inline[0].length);
    for (const flag of inline[1]!) {
      if (flag === 'x') throw new SyntaxError(`verbose flag (?x) is not supported in "${pattern}"`);
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
      if (!inClass && next === 'A') out += '(?<![\\s\\S])';
      else if (!inClass && next === 'Z') out += '(?![\\s\\S])';
      else out += ch + (next ?? '');
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
    if (ch === '(' && body.startsWith('(?P<', i)) {
      out += '(?<';
      i += 3;
      continue;
    }
    if (ch === '(' && body.startsWith('(?P=', i)) {
      const end = body.indexOf(')', i);
      if (end > 0) {
        out += `\\k<${body.slice(i + 4, end)}>`;
        i = end;
        continue;
      }
    }
    if (ch === '$' && !multiline) {
      out += '(?=\\n?(?![\\s\\S]))';
      continue;
    }
    out += ch;
  }
  try {
    return new RegExp(out, flags);
  } catch (error) {
    throw new SyntaxError(`invalid regular expression "${pattern}": ${(error as Error).message}`);
  }
}
