import { describe, expect, it } from 'vitest';
import { stripControlCharacters, stripControlCharactersDeep } from './strip-control-characters.js';

describe('stripControlCharacters', () => {
  it('removes colours, OSC hyperlinks and titles, cursor moves and other controls; keeps text, tabs and newlines', () => {
    const text =
      'a\u001b[31mred\u001b[0m b \u001b]8;;https://evil.example\u0007link\u001b]8;;\u0007 \u001b]0;title\u001b\\ \u001b[2J\u001bc\u0000\u0008\u009b x\ty\nz';
    expect(stripControlCharacters(text)).toBe('ared b link   x\ty\nz');
  });

  it('copies objects and arrays, cleaning every string and leaving other values alone', () => {
    const value = { title: 'x\u001b[1m', list: ['\u0007y', 3, null], nested: { ok: true } };
    expect(stripControlCharactersDeep(value)).toEqual({ title: 'x', list: ['y', 3, null], nested: { ok: true } });
    expect(value.title).toBe('x\u001b[1m');
  });
});
