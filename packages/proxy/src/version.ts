import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';

/**
 * Reported by GET /version: this package's version (the workspace is versioned together). Read from
 * package.json through the package's self-reference: core's faultlineVersion is only on its main
 * entry, which the server does not load (it takes ~0.2 s; the server loads core's errors and regex).
 */
export const version: string = (
  JSON.parse(readFileSync(createRequire(import.meta.url).resolve('@faultline/proxy/package.json'), 'utf8')) as {
    version: string;
  }
).version;
