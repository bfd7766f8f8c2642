import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Driver } from '@faultline/core';
import { describe, expect, it } from 'vitest';

const packagesDir = fileURLToPath(new URL('../../packages', import.meta.url));

const drivers: Array<[string, () => Promise<Driver>]> = [
  ['kubernetes', async () => (await import('@faultline/kubernetes/activities')).driver],
  ['monkey', async () => (await import('@faultline/monkey/activities')).driver],
  ['proxy', async () => (await import('@faultline/proxy/activities')).driver],
  ['prometheus', async () => (await import('@faultline/prometheus/activities')).driver],
  ['core', async () => (await import('@faultline/core/builtin')).driver],
];

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === '__fixtures__' || entry.name === 'testing' ? [] : sourceFiles(path);
    return entry.name.endsWith('.ts') && !/\.(test|case)\.ts$/.test(entry.name) ? [path] : [];
  });
}

/** Function names written as literals in the `func:` of the reverts a package's activities register. */
function registeredRevertNames(pkg: string): string[] {
  const names = new Set<string>();
  for (const file of sourceFiles(join(packagesDir, pkg, 'src'))) {
    const text = readFileSync(file, 'utf8');
    if (!text.includes('registerRevert(') && !/\bfunc: '/.test(text)) continue;
    for (const line of text.split('\n').filter((l) => /\bfunc:/.test(l)))
      for (const [, name] of line.matchAll(/'([a-z][a-z0-9_]*)'/g)) names.add(name!);
  }
  return [...names];
}

describe('the reverts a journal may replay', () => {
  it.each(drivers)(
    '%s: every declared revert is an activity, every registered revert is declared',
    async (pkg, load) => {
      const driver = await load();
      const activityNames = driver.activities.map((a) => a.name);
      for (const name of driver.reverts ?? []) expect(activityNames, `${pkg}: ${name}`).toContain(name);
      for (const name of registeredRevertNames(pkg))
        expect(driver.reverts ?? [], `${pkg} registers ${name}`).toContain(name);
    },
  );
});
