import { applyConfigUpdate } from '../config/apply-config-update.js';
import { defaultConfig } from '../config/default-config.js';
import type { MonkeyConfig, MonkeyConfigUpdate } from '../config/monkey-config.js';
import { fromSpringConfig } from '../spring/from-spring-config.js';
import type { MonkeyOptions } from './monkey-types.js';

/** Options that are not configuration (they cannot be changed by updateConfig). */
const runtimeOptions = new Set(['logger', 'metrics', 'random', 'spring']);

/** The config a monkey starts with: defaults, then the Spring block, then the other options. */
export function initialConfig(options: MonkeyOptions): MonkeyConfig {
  const update: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(options)) if (!runtimeOptions.has(key)) update[key] = value;
  const base =
    options.spring === undefined
      ? defaultConfig()
      : applyConfigUpdate(defaultConfig(), fromSpringConfig(options.spring));
  return applyConfigUpdate(base, update as MonkeyConfigUpdate);
}
