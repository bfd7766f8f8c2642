import { describe, expect, it } from 'vitest';
import { substitute, substituteString } from './substitute.js';

const configuration = {
  host: 'api.local',
  port: 8080,
  flag: true,
  nothing: null,
  list: [1, 2],
  obj: { a: 1 },
  shared: 'from-config',
};
const secrets = {
  k8s: { token: 's3cr3t', shared: 'from-secret' },
  other: { token: 'second-scope', only: 'other-only' },
};

describe('substitute', () => {
  it('replaces ${name} and $name inside a string', () => {
    expect(substitute('http://${host}:$port/x', configuration, secrets)).toBe('http://api.local:8080/x');
  });

  it('keeps the type of a value when the string is exactly ${name}', () => {
    expect(substitute('${port}', configuration, secrets)).toBe(8080);
    expect(substitute('${flag}', configuration, secrets)).toBe(true);
    expect(substitute('${nothing}', configuration, secrets)).toBeNull();
    expect(substitute('${list}', configuration, secrets)).toEqual([1, 2]);
  });

  it('only the braced form keeps the type, as in Chaos Toolkit ($port alone becomes a string)', () => {
    expect(substitute('$port', configuration, secrets)).toBe('8080');
  });

  it('renders embedded non-strings as JSON', () => {
    expect(substitute('f=${flag} n=${nothing} o=${obj} l=$list', configuration, secrets)).toBe(
      'f=true n=null o={"a":1} l=[1,2]',
    );
  });

  it('treats $$ as an escaped dollar', () => {
    expect(substitute('cost: $$5 and $${host}', configuration, secrets)).toBe('cost: $5 and ${host}');
    expect(substitute('$$', configuration, secrets)).toBe('$');
  });

  it('leaves unknown names, lone dollars and invalid placeholders as written', () => {
    expect(substitute('echo $HOME ${missing} $ ${1x} a$', configuration, secrets)).toBe(
      'echo $HOME ${missing} $ ${1x} a$',
    );
    expect(substitute('${missing}', configuration, secrets)).toBe('${missing}');
  });

  it('stops a name at the first character that is not [_a-zA-Z0-9]', () => {
    expect(substitute('$host.name $host-x ${host}s', configuration, secrets)).toBe(
      'api.local.name api.local-x api.locals',
    );
  });

  it('is case-sensitive for lookups but accepts upper-case identifiers', () => {
    expect(substitute('$HOST', configuration, secrets)).toBe('$HOST');
    expect(substitute('$HOST', { HOST: 'h' }, {})).toBe('h');
  });

  it('looks in configuration first, then secret scopes in order', () => {
    expect(substitute('${shared}', configuration, secrets)).toBe('from-config');
    expect(substitute('${token}', configuration, secrets)).toBe('s3cr3t');
    expect(substitute('${only}', configuration, secrets)).toBe('other-only');
    expect(substitute('${token}', {}, { other: { token: 'b' }, k8s: { token: 'a' } })).toBe('b');
  });

  it('recurses into arrays and objects, substituting values but not keys', () => {
    const input = { '${host}': '${port}', nested: [{ url: 'http://$host' }, ['${flag}', 3, null]], n: 5, b: false };
    expect(substitute(input, configuration, secrets)).toEqual({
      '${host}': 8080,
      nested: [{ url: 'http://api.local' }, [true, 3, null]],
      n: 5,
      b: false,
    });
  });

  it('does not alter its input', () => {
    const input = { a: ['${host}'] };
    substitute(input, configuration, secrets);
    expect(input).toEqual({ a: ['${host}'] });
  });

  it('returns non-strings and empty values untouched', () => {
    expect(substitute(42, configuration, secrets)).toBe(42);
    expect(substitute('', configuration, secrets)).toBe('');
    expect(substitute(null, configuration, secrets)).toBeNull();
    expect(substitute(undefined, configuration, secrets)).toBeUndefined();
  });

  it('works without configuration or secrets', () => {
    expect(substitute('${x}', undefined, undefined)).toBe('${x}');
    expect(substitute('$x', { x: 1 }, null)).toBe('1');
  });

  it('treats a configuration key set to undefined as missing (JS-only case)', () => {
    expect(substitute('${x}', { x: undefined }, { s: { x: 'secret' } })).toBe('secret');
  });

  it('accepts an already-merged secrets object', () => {
    expect(substitute('${token}', {}, { token: 'flat' })).toBe('flat');
  });

  it('substituteString returns typed values too', () => {
    expect(substituteString('${port}', configuration, secrets)).toBe(8080);
  });
});
