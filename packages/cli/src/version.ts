import { readFileSync } from 'node:fs';
import { cliPackageJsonPath } from './package-root.js';

/** Faultline's version, read once from this package's package.json. */
export const faultlineVersion: string = (JSON.parse(readFileSync(cliPackageJsonPath, 'utf8')) as { version: string })
  .version;
