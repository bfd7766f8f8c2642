import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { experimentFiles, resolveInLibrary, resolveVarFile, varFilesBeside } from './library-files.js';

let root: string;
let library: string;

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'faultline-library-'));
  library = join(root, 'experiments');
  mkdirSync(join(library, 'cart', 'deep'), { recursive: true });
  mkdirSync(join(library, 'node_modules'), { recursive: true });
  mkdirSync(join(library, '.hidden'), { recursive: true });
  for (const file of ['a.yaml', 'cart/b.yml', 'cart/deep/c.json', 'notes.md', 'node_modules/x.json', '.hidden/y.yaml'])
    writeFileSync(join(library, file), 'title: t\n');
  // Var files: beside a.yaml, beside cart/b.yml, and hidden.
  for (const file of ['vars.yaml', 'staging.vars.json', 'cart/prod.env', 'cart/deep/c.vars.yml', '.env'])
    writeFileSync(join(library, file), 'configuration: {}\n');
  // Outside the library: a secret file and a folder of experiments.
  mkdirSync(join(root, 'outside'));
  writeFileSync(join(root, 'outside', 'secret.yaml'), 'title: outside\n');
  writeFileSync(join(root, 'outside', 'secret.env'), 'TOKEN=outside\n');
  symlinkSync(join(root, 'outside', 'secret.env'), join(library, 'cart', 'escape.env'));
  symlinkSync(join(root, 'outside', 'secret.yaml'), join(library, 'escape.yaml'));
  symlinkSync(join(root, 'outside'), join(library, 'escape-dir'));
  // Inside: a link to another file of the library, and a loop.
  symlinkSync(join(library, 'a.yaml'), join(library, 'alias.yaml'));
  symlinkSync(library, join(library, 'cart', 'loop'));
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

describe('the experiment library folder', () => {
  it('lists experiment files recursively, never through a link that leaves the folder', () => {
    expect(experimentFiles(library)).toEqual(['a.yaml', 'alias.yaml', 'cart/b.yml', 'cart/deep/c.json']);
  });

  it('resolves only listed-shaped paths inside the folder', () => {
    expect(resolveInLibrary(library, 'cart/b.yml')).toBe(join(library, 'cart', 'b.yml'));
    expect(resolveInLibrary(library, 'alias.yaml')).toBe(join(library, 'a.yaml'));
    for (const path of [
      '../outside/secret.yaml',
      'cart/../../outside/secret.yaml',
      join(root, 'outside', 'secret.yaml'),
      'escape.yaml',
      'escape-dir/secret.yaml',
      '.hidden/y.yaml',
      'notes.md',
      'cart\\b.yml',
      'missing.yaml',
      'a.yaml\0.yaml',
      'vars.yaml',
      '',
    ])
      expect(resolveInLibrary(library, path), path).toBeUndefined();
  });

  it('offers the var files beside an experiment, never one that leaves the folder', () => {
    expect(varFilesBeside(library, 'a.yaml')).toEqual(['staging.vars.json', 'vars.yaml']);
    expect(varFilesBeside(library, 'cart/b.yml')).toEqual(['cart/prod.env']);
    expect(varFilesBeside(library, 'cart/deep/c.json')).toEqual(['cart/deep/c.vars.yml']);
    expect(resolveVarFile(library, 'cart/prod.env')).toBe(join(library, 'cart', 'prod.env'));
    for (const path of [
      'cart/escape.env',
      '.env',
      'a.yaml',
      '../outside/secret.env',
      join(root, 'outside', 'secret.env'),
    ])
      expect(resolveVarFile(library, path), path).toBeUndefined();
  });
});
