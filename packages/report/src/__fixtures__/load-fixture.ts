import { readFileSync } from 'node:fs';
import type { Journal } from '@faultline/core';

export const fixtureNames = [
  'completed',
  'deviated',
  'failed',
  'interrupted',
  'aborted',
  'continuous',
  'chaostoolkit',
] as const;
export type FixtureName = (typeof fixtureNames)[number] | 'continuous-later';

/** A fixture journal as written to disk (raw JSON, not normalised). */
export function loadFixture(name: FixtureName): Journal {
  return JSON.parse(readFileSync(new URL(`./${name}.json`, import.meta.url), 'utf8')) as Journal;
}

export const fixtureSecrets = ['tok-9f8e7d6c5b4a', 'hunter2-hunter2'];
