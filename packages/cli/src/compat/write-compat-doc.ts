import { readFileSync, writeFileSync } from 'node:fs';
import { ActivityResolver } from '@faultline/core';
import { knownDrivers } from '../known-drivers.js';
import { compatProblems, compatTable, withCompatTable } from './compat-table.js';
import { engineControls } from './engine-controls.js';

/**
 * `npm run docs:compat`: regenerate the table of docs/compatibility.md from the drivers' registries
 * and the upstream list; refuses while an upstream function is unaccounted for.
 */
export async function writeCompatDoc(path: string): Promise<void> {
  const resolver = new ActivityResolver(knownDrivers);
  const drivers = await resolver.allDrivers();
  const engine = await engineControls(resolver, drivers);
  const problems = compatProblems(drivers, engine);
  if (problems.length > 0) throw new Error(`compatibility problems:\n${problems.join('\n')}`);
  writeFileSync(path, withCompatTable(readFileSync(path, 'utf8'), compatTable(drivers, engine)));
}
