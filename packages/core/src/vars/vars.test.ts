import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UsageError } from '../errors/faultline-error.js';
import { convertToType } from './convert-to-type.js';
import { loadVarFile } from './load-var-file.js';
import { parseVarFlag } from './parse-var-flag.js';

describe('parseVarFlag', () => {
  it('reads key=value as a string by default', () => {
    expect(parseVarFlag('host=api.local')).toEqual(['host', 'api.local']);
    expect(parseVarFlag('host:str=api.local')).toEqual(['host', 'api.local']);
  });
  it('splits at the first = so values may contain =', () => {
    expect(parseVarFlag('query=a=b&c=d')).toEqual(['query', 'a=b&c=d']);
    expect(parseVarFlag('empty=')).toEqual(['empty', '']);
  });
  it('converts int, float, bool and json', () => {
    expect(parseVarFlag('port:int=8080')).toEqual(['port', 8080]);
    expect(parseVarFlag('port:integer= -3 ')).toEqual(['port', -3]);
    expect(parseVarFlag('ratio:float=0.25')).toEqual(['ratio', 0.25]);
    expect(parseVarFlag('ratio:number=1e3')).toEqual(['ratio', 1000]);
    expect(parseVarFlag('on:bool=yes')).toEqual(['on', true]);
    expect(parseVarFlag('on:bool=No')).toEqual(['on', false]);
    expect(parseVarFlag('on:bool=0')).toEqual(['on', false]);
    expect(parseVarFlag('on:bool=FALSE')).toEqual(['on', false]);
    expect(() => parseVarFlag('on:bool=maybe')).toThrow(/not a boolean/);
    expect(parseVarFlag('obj:json={"a":[1,2]}')).toEqual(['obj', { a: [1, 2] }]);
  });
  it('takes the type after the last colon of the key', () => {
    expect(parseVarFlag('a:b:int=1')).toEqual(['a:b', 1]);
  });
  it('rejects malformed flags and values with a UsageError', () => {
    expect(() => parseVarFlag('novalue')).toThrow(UsageError);
    expect(() => parseVarFlag('=x')).toThrow(/no name/);
    expect(() => parseVarFlag('port:int=80.5')).toThrow(/not an integer/);
    expect(() => parseVarFlag('port:int=abc')).toThrow(UsageError);
    expect(() => parseVarFlag('x:float=abc')).toThrow(/not a number/);
    expect(() => parseVarFlag('x:json={bad')).toThrow(/not valid JSON/);
    expect(() => parseVarFlag('x:list=a')).toThrow(/unknown type "list"/);
  });
});

describe('convertToType', () => {
  it('converts non-string defaults like Python does', () => {
    expect(convertToType('int', 8080)).toBe(8080);
    expect(convertToType('int', 8.7)).toBe(8);
    expect(convertToType('bool', false)).toBe(false);
    expect(convertToType('json', { a: 1 })).toEqual({ a: 1 });
    expect(convertToType('json', '')).toBe('');
    expect(convertToType(undefined, 'x')).toBe('x');
    expect(convertToType('int', '1_000')).toBe(1000);
  });
});

describe('loadVarFile', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'faultline-vars-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('loads configuration and secrets from JSON', async () => {
    const path = join(dir, 'vars.json');
    await writeFile(path, JSON.stringify({ configuration: { port: 80 }, secrets: { k8s: { token: 't' } } }));
    expect(await loadVarFile(path)).toEqual({ configuration: { port: 80 }, secrets: { k8s: { token: 't' } }, env: {} });
  });
  it('loads YAML (.yaml and .yml), either section optional', async () => {
    const path = join(dir, 'vars.yaml');
    await writeFile(path, 'configuration:\n  host: api.local\n  port: 8080\n');
    expect(await loadVarFile(path)).toEqual({ configuration: { host: 'api.local', port: 8080 }, secrets: {}, env: {} });
    const yml = join(dir, 'vars.yml');
    await writeFile(yml, 'secrets:\n  db:\n    password: pw\n');
    expect(await loadVarFile(yml)).toEqual({ configuration: {}, secrets: { db: { password: 'pw' } }, env: {} });
  });
  it('treats an empty document as no variables', async () => {
    const path = join(dir, 'empty.yaml');
    await writeFile(path, '');
    expect(await loadVarFile(path)).toEqual({ configuration: {}, secrets: {}, env: {} });
  });
  it('loads .env files: every key is configuration and environment', async () => {
    const path = join(dir, '.env');
    await writeFile(path, '# comment\n\nHOST=api.local\nexport TOKEN="a b=c"\nQUOTED=\'x\'\nURL=http://x/?a=1\n');
    expect(await loadVarFile(path)).toEqual({
      configuration: { HOST: 'api.local', TOKEN: 'a b=c', QUOTED: 'x', URL: 'http://x/?a=1' },
      secrets: {},
      env: { HOST: 'api.local', TOKEN: 'a b=c', QUOTED: 'x', URL: 'http://x/?a=1' },
    });
  });
  it('reports malformed files with a UsageError', async () => {
    await expect(loadVarFile(join(dir, 'missing.json'))).rejects.toThrow(/cannot read var file .*ENOENT/);
    const badJson = join(dir, 'bad.json');
    await writeFile(badJson, '{nope');
    await expect(loadVarFile(badJson)).rejects.toThrow(UsageError);
    const badSecrets = join(dir, 'bad-secrets.yaml');
    await writeFile(badSecrets, 'secrets:\n  token: flat\n');
    await expect(loadVarFile(badSecrets)).rejects.toThrow(/scopes/);
    const list = join(dir, 'list.yaml');
    await writeFile(list, '- a\n');
    await expect(loadVarFile(list)).rejects.toThrow(/mapping/);
    const badEnv = join(dir, 'bad.env');
    await writeFile(badEnv, 'OK=1\njust words\n');
    await expect(loadVarFile(badEnv)).rejects.toThrow(/bad\.env:2: expected KEY=value/);
  });
});

describe('collectVars', () => {
  it('merges var files in order, then --var flags on top', async () => {
    const { collectVars } = await import('./collect-vars.js');
    const dir = await mkdtemp(join(tmpdir(), 'faultline-collect-'));
    try {
      const first = join(dir, 'a.yaml');
      const second = join(dir, 'b.json');
      const env = join(dir, 'c.env');
      await writeFile(first, 'configuration: {host: a, port: 1}\nsecrets: {k8s: {token: t1, user: u1}}\n');
      await writeFile(second, JSON.stringify({ configuration: { port: 2 }, secrets: { k8s: { token: 't2' } } }));
      await writeFile(env, 'REGION=eu\n');
      const merged = await collectVars({ varFiles: [first, second, env], vars: ['port:int=3', 'extra=x'] });
      expect(merged).toEqual({
        configuration: { host: 'a', port: 3, REGION: 'eu', extra: 'x' },
        secrets: { k8s: { token: 't2', user: 'u1' } },
        env: { REGION: 'eu' },
      });
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
