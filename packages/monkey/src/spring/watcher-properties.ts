import type { MonkeyConfig, MonkeyConfigUpdate } from '../config/monkey-config.js';
import { FieldReader } from './read-fields.js';
import type { ValidationProblem } from './validation-problem.js';

const flags = [
  'controller',
  'restController',
  'service',
  'repository',
  'component',
  'restTemplate',
  'webClient',
  'actuatorHealth',
] as const;

/** Spring's WatcherProperties JSON (`GET /watchers`), plus Node-only `routes` and `exclude`. */
export function toWatcherDto(config: MonkeyConfig): Record<string, unknown> {
  const w = config.watchers;
  const dto: Record<string, unknown> = {};
  for (const f of flags) dto[f] = w[f];
  dto.beans = [...w.beans];
  dto.beanClasses = [];
  dto.excludeClasses = [];
  dto.routes = [...w.routes];
  dto.exclude = [...w.exclude];
  return dto;
}

export function fromWatcherDto(body: Record<string, unknown>): {
  update: MonkeyConfigUpdate;
  problems: ValidationProblem[];
} {
  const r = new FieldReader(body);
  const watchers: Record<string, unknown> = {};
  for (const key of Object.keys(body)) {
    if (
      !(flags as readonly string[]).includes(key) &&
      !['beans', 'beanClasses', 'excludeClasses', 'routes', 'exclude'].includes(key)
    ) {
      r.problem(key, body[key], 'unknown field', 'Unknown');
    }
  }
  for (const f of flags) {
    const v = r.bool(f);
    if (v !== undefined) watchers[f] = v;
  }
  for (const f of ['beans', 'routes', 'exclude'] as const) {
    const v = r.strings(f);
    if (v !== undefined) watchers[f] = v ?? [];
  }
  // Java class names mean nothing in Node; accepted so Spring scripts run, treated as bean names.
  const classes = r.strings('beanClasses');
  if (classes)
    watchers.beans = [
      ...((watchers.beans as string[] | undefined) ?? []),
      ...classes.map((c) => c.slice(c.lastIndexOf('.') + 1)),
    ];
  return { update: { watchers } as MonkeyConfigUpdate, problems: r.problems };
}
