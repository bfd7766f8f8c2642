import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { driver } from './index.js';

const srcDir = fileURLToPath(new URL('..', import.meta.url));

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return ['testing', '__fixtures__'].includes(entry.name) ? [] : sourceFiles(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts') ? [path] : [];
  });
}

describe('the @faultline/kubernetes driver', () => {
  it('lists every activity once, with chaosk8s/chaosistio module paths', () => {
    const names = driver.activities.map((activity) => activity.name);
    expect(new Set(names).size).toBe(names.length);
    expect(driver.name).toBe('@faultline/kubernetes');
    for (const name of [
      'terminate_pods',
      'scale_deployment',
      'cordon_node',
      'stress_node',
      'drain_nodes',
      'taint_nodes',
      'deny_all_ingress',
      'add_delay_fault',
    ])
      expect(names).toContain(name);
    const modules = new Set(driver.activities.flatMap((activity) => activity.python ?? []));
    expect([...modules].every((module) => module.startsWith('chaosk8s.') || module.startsWith('chaosistio.'))).toBe(
      true,
    );
    expect(driver.activities.find((activity) => activity.name === 'stress_node')!.python).toEqual([
      'chaosk8s.node.actions',
    ]);
  });

  it('names only its own activities in reverts', () => {
    const names = new Set(driver.activities.map((activity) => activity.name));
    const text = sourceFiles(srcDir)
      .map((file) => readFileSync(file, 'utf8'))
      .join('\n');
    const funcs = [
      ...text.matchAll(/func: (?:unschedulable \? '(\w+)' : '(\w+)'|add \? '(\w+)' : '(\w+)'|'(\w+)')/g),
    ].flatMap((match) => match.slice(1).filter(Boolean));
    expect(funcs.length).toBeGreaterThan(5);
    for (const func of funcs) expect(names, func).toContain(func);
  });

  it('produces an input JSON Schema for every activity (editors, discover)', () => {
    for (const activity of driver.activities) {
      const schema = z.toJSONSchema(activity.arguments, { io: 'input', unrepresentable: 'any' }) as { type?: string };
      expect(schema.type, activity.name).toBe('object');
    }
  });

  it('keeps @kubernetes/client-node out of module top levels (it costs ~0.9 s to import)', () => {
    const offenders = sourceFiles(srcDir).filter((file) =>
      /^import (?!type )[^;]*from '@kubernetes\/client-node'/m.test(readFileSync(file, 'utf8')),
    );
    expect(offenders.map((file) => relative(srcDir, file))).toEqual([]);
  });
});
