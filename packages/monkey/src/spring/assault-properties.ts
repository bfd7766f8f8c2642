import { allAssaults, runtimeAssaults } from '../assaults/all-assaults.js';
import { sectionOf } from '../config/default-config.js';
import type { MonkeyConfig, MonkeyConfigUpdate } from '../config/monkey-config.js';
import { FieldReader } from './read-fields.js';
import { readCron } from './spring-property.js';
import type { ValidationProblem } from './validation-problem.js';

/** Chaos Monkey for Spring Boot's assault JSON (`GET /assaults`), Node-only fields at the end. */
export function toAssaultDto(config: MonkeyConfig): Record<string, unknown> {
  const spring: Record<string, unknown> = { level: config.level, deterministic: config.deterministic };
  const node: Record<string, unknown> = {};
  for (const assault of allAssaults) {
    for (const property of assault.spring)
      Object.assign(property.nodeOnly ? node : spring, property.write(sectionOf(config, assault)));
  }
  if (config.watchedCustomServices !== null) spring.watchedCustomServices = [...config.watchedCustomServices];
  return { ...spring, ...node };
}

/** Fields Spring versions accept that have no meaning here; accepted and ignored rather than rejected. */
const ignoredSpringFields = new Set(['restartApplicationActive', 'beanClasses', 'excludeClasses']);

const knownFields = new Set([
  'level',
  'deterministic',
  'watchedCustomServices',
  'runtimeAssaultCronExpression',
  ...allAssaults.flatMap((a) => a.spring.flatMap((p) => p.names)),
]);

/**
 * Reads a `POST /assaults` body: a partial update, validated like Spring's AssaultPropertiesUpdate
 * (level 1..10000, each assault's own fields and ranges). Unknown fields are rejected rather than
 * silently ignored: a typo must not look like success.
 */
export function fromAssaultDto(body: Record<string, unknown>): {
  update: MonkeyConfigUpdate;
  problems: ValidationProblem[];
} {
  const r = new FieldReader(body);
  for (const key of Object.keys(body)) {
    if (!knownFields.has(key) && !ignoredSpringFields.has(key)) r.problem(key, body[key], 'unknown field', 'Unknown');
  }
  const update: Record<string, unknown> = {
    level: r.num('level', 1, 10_000, true),
    deterministic: r.bool('deterministic'),
  };
  for (const assault of allAssaults)
    update[assault.section] = Object.assign({}, ...assault.spring.map((p) => p.read(r)));
  // The deprecated runtimeAssaultCronExpression sets every runtime assault's cron not given its own.
  const all = readCron(r, 'runtimeAssaultCronExpression');
  for (const assault of runtimeAssaults) {
    const section = update[assault.section] as { cron?: string };
    section.cron ??= all;
  }
  const custom = r.strings('watchedCustomServices');
  if (custom !== undefined) update.watchedCustomServices = custom;
  return { update: prune(update) as MonkeyConfigUpdate, problems: r.problems };
}

/** Drops undefined leaves and empty sections, so only the fields present are updated. */
function prune(value: unknown): unknown {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return value;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) {
    if (v === undefined) continue;
    const p = k === 'body' ? v : prune(v);
    if (typeof p === 'object' && p !== null && !Array.isArray(p) && k !== 'body' && Object.keys(p).length === 0)
      continue;
    out[k] = p;
  }
  return out;
}
