import { readFileSync, writeFileSync } from 'node:fs';
import { ActivityResolver } from '@faultline/core';
import { knownDrivers } from '../known-drivers.js';
import { compatProblems, compatTable, withCompatTable } from './compat-table.js';

/**
 * `npm run docs:compat`: regenerate the table of docs/compatibility.md from the drivers' registries
 * and the upstream list; refuses while an upstream function is unaccounted for.
 */
export async function writeCompatDoc(path: string): Promise<void> {
  const drivers = await new ActivityResolver(knownDrivers).allDrivers();
  const problems = compatProblems(drivers);
  if (problems.length > 0) throw new Error(`compatibility problems:\n${problems.join('\n')}`);
  writeFileSync(path, withCompatTable(readFileSync(path, 'utf8'), compatTable(drivers)));
}
