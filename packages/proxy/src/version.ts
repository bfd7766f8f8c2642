import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';

/**
 * Reported by GET /version: this package's version (the workspace is versioned together). Read from
 * package.json through the package's self-reference, because the proxy runs without @faultline/core.
 */
export const version: string = (
  JSON.parse(readFileSync(createRequire(import.meta.url).resolve('@faultline/proxy/package.json'), 'utf8')) as {
    version: string;
  }
).version;
