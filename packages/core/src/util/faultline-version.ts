import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';

/**
 * Faultline's version, read once from this package's package.json (every package of the workspace
 * is versioned together). Resolved through the package's self-reference so the same code works
 * from src/ (tests), dist/ (tsc) and the CLI's esbuild bundle, each at a different depth.
 */
export const faultlineVersion: string = (
  JSON.parse(readFileSync(createRequire(import.meta.url).resolve('@faultline/core/package.json'), 'utf8')) as {
    version: string;
  }
).version;
