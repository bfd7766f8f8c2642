import { readFileSync } from 'node:fs';

/** Faultline's version, read once from this package's package.json. */
export const faultlineVersion: string = (JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string }).version;
