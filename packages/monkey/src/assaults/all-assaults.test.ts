import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { allAssaults, requestAssaults, runtimeAssaults } from './all-assaults.js';

const dir = new URL('.', import.meta.url);
/** Files that are not an assault of their own. */
const shared = new Set(['assault.ts', 'all-assaults.ts', 'runtime-assault-run.ts']);

describe('the assault list', () => {
  it('holds one assault per file, each with a test file that runs the shared contract', () => {
    const files = readdirSync(dir).filter((f) => /^[a-z-]+\.ts$/.test(f) && !shared.has(f));
    expect(files.length).toBe(allAssaults.length);
    for (const file of files) {
      const test = readFileSync(new URL(file.replace(/\.ts$/, '.test.ts'), dir), 'utf8');
      expect([file, /assaultCase\(\w+, \{/.test(test)]).toEqual([file, true]);
    }
  });

  it('has unique sections and names, each assault acting on calls, on its own, or both', () => {
    expect(new Set(allAssaults.map((a) => a.section)).size).toBe(allAssaults.length);
    expect(new Set(allAssaults.map((a) => a.name)).size).toBe(allAssaults.length);
    for (const a of allAssaults)
      expect([a.section, a.attack !== undefined || a.start !== undefined]).toEqual([a.section, true]);
    expect(requestAssaults.map((a) => a.section)).toEqual(['latency', 'exceptions', 'killProcess', 'eventLoopBlock']);
    expect(runtimeAssaults.map((a) => a.section)).toEqual(['killProcess', 'memory', 'cpu']);
  });
});
