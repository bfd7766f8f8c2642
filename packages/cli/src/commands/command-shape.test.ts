import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const dir = fileURLToPath(new URL('.', import.meta.url));
// The two documented exceptions (README.md): an action of one line, and a command with a folder.
const exceptions: Record<string, RegExp> = {
  schema: /import\('@faultline\/core'\)/,
  demo: /import\('\.\.\/demo\/run-demo\.js'\)/,
};

describe('every command has the shape README.md describes', () => {
  const commands = readdirSync(dir)
    .filter((file) => /^[a-z-]+\.ts$/.test(file) && !file.endsWith('-action.ts'))
    .filter((file) => /export function register\w+Command\(/.test(readFileSync(`${dir}${file}`, 'utf8')))
    .map((file) => file.slice(0, -'.ts'.length));

  it('finds the commands', () => {
    expect(commands).toEqual(expect.arrayContaining(['run', 'doctor', 'schedule', 'status', 'schema', 'demo']));
  });

  it.each(commands)('%s.ts registers, %s-action.ts acts, loaded only when the command runs', (name) => {
    const source = readFileSync(`${dir}${name}.ts`, 'utf8');
    if (exceptions[name]) {
      expect(source).toMatch(exceptions[name]);
      return;
    }
    expect(existsSync(`${dir}${name}-action.ts`)).toBe(true);
    expect(source).toContain(`await import('./${name}-action.js')`);
    // Nothing but the declaration is loaded up front: the action file is never imported statically.
    expect(source).not.toMatch(new RegExp(`^import [^(]*'\\./${name}-action\\.js'`, 'm'));
  });
});
