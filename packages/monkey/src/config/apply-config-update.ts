import { MonkeyConfigError } from './monkey-config-error.js';
import type { MonkeyConfig, MonkeyConfigUpdate, WatcherOverride } from './monkey-config.js';

type FieldKind =
  | { kind: 'boolean' }
  | { kind: 'number'; min: number; max: number; integer?: boolean; nullable?: boolean }
  | { kind: 'string'; nullable?: boolean }
  | { kind: 'strings'; nullable?: boolean }
  | { kind: 'any' };

const bool = { kind: 'boolean' } as const;
const int = (min: number, max: number) => ({ kind: 'number', min, max, integer: true }) as const;
const fraction = (min: number, max: number) => ({ kind: 'number', min, max }) as const;
const probability = { kind: 'number', min: 0, max: 1, nullable: true } as const;
const big = Number.MAX_SAFE_INTEGER;

/** Every settable field of each section and what it accepts. */
const sections: Record<string, Record<string, FieldKind>> = {
  latency: { enabled: bool, minMs: int(0, 2_147_483_647), maxMs: int(0, 2_147_483_647), probability },
  exceptions: {
    enabled: bool,
    probability,
    type: { kind: 'string' },
    message: { kind: 'string' },
    status: { kind: 'number', min: 100, max: 599, integer: true, nullable: true },
    body: { kind: 'any' },
  },
  killProcess: { enabled: bool, probability, exitCode: int(0, 255), graceMs: int(0, big), cron: { kind: 'string' } },
  eventLoopBlock: { enabled: bool, probability, durationMs: int(1, 60_000) },
  memory: {
    enabled: bool,
    holdMs: int(0, big),
    waitNextIncreaseMs: int(0, 30_000),
    incrementFraction: fraction(0, 1),
    targetFraction: fraction(0.05, 0.95),
    cron: { kind: 'string' },
  },
  cpu: { enabled: bool, holdMs: int(0, big), targetFraction: fraction(0.1, 1), cron: { kind: 'string' } },
  watchers: {
    controller: bool,
    restController: bool,
    service: bool,
    repository: bool,
    component: bool,
    restTemplate: bool,
    webClient: bool,
    actuatorHealth: bool,
    beans: { kind: 'strings' },
    routes: { kind: 'strings' },
    exclude: { kind: 'strings' },
  },
};

const topLevel: Record<string, FieldKind> = {
  enabled: bool,
  level: int(1, 10_000),
  deterministic: bool,
  watchedCustomServices: { kind: 'strings', nullable: true },
};

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function checkField(path: string, value: unknown, field: FieldKind, problems: string[]): boolean {
  if (value === undefined) return false;
  switch (field.kind) {
    case 'any':
      return true;
    case 'boolean':
      if (typeof value === 'boolean') return true;
      problems.push(`${path}: must be true or false, got ${JSON.stringify(value)}`);
      return false;
    case 'string':
      if (typeof value === 'string' || (field.nullable && value === null)) return true;
      problems.push(`${path}: must be a string`);
      return false;
    case 'strings':
      if ((field.nullable && value === null) || (Array.isArray(value) && value.every((v) => typeof v === 'string')))
        return true;
      problems.push(`${path}: must be a list of strings`);
      return false;
    case 'number':
      if (field.nullable && value === null) return true;
      if (typeof value !== 'number' || !Number.isFinite(value)) {
        problems.push(`${path}: must be a number, got ${JSON.stringify(value)}`);
        return false;
      }
      if (field.integer && !Number.isInteger(value)) {
        problems.push(`${path}: must be a whole number, got ${value}`);
        return false;
      }
      if (value < field.min || value > field.max) {
        problems.push(`${path}: must be between ${field.min} and ${field.max}, got ${value}`);
        return false;
      }
      return true;
  }
}

function mergeSection(
  name: string,
  target: Record<string, unknown>,
  update: unknown,
  problems: string[],
  prefix = '',
): void {
  if (update === undefined) return;
  if (!isPlainObject(update)) {
    problems.push(`${prefix}${name}: must be an object`);
    return;
  }
  const fields = sections[name]!;
  for (const [key, value] of Object.entries(update)) {
    const field = fields[key];
    if (!field) {
      problems.push(`${prefix}${name}.${key}: unknown option (known: ${Object.keys(fields).join(', ')})`);
      continue;
    }
    if (checkField(`${prefix}${name}.${key}`, value, field, problems))
      target[key] = Array.isArray(value) ? [...value] : value;
  }
}

function checkOverride(raw: unknown, index: number, problems: string[]): WatcherOverride | undefined {
  const at = `overrides[${index}]`;
  if (!isPlainObject(raw) || typeof raw.target !== 'string' || raw.target === '') {
    problems.push(`${at}: must be an object with a non-empty "target" pattern`);
    return undefined;
  }
  const override: Record<string, unknown> = { target: raw.target };
  for (const [key, value] of Object.entries(raw)) {
    if (key === 'target') continue;
    if (key === 'level' || key === 'deterministic') {
      if (checkField(`${at}.${key}`, value, topLevel[key]!, problems)) override[key] = value;
    } else if (key === 'latency' || key === 'exceptions' || key === 'killProcess' || key === 'eventLoopBlock') {
      const section: Record<string, unknown> = {};
      mergeSection(key, section, value, problems, `${at}.`);
      override[key] = section;
    } else {
      problems.push(
        `${at}.${key}: unknown option (known: target, level, deterministic, latency, exceptions, killProcess, eventLoopBlock)`,
      );
    }
  }
  return override as unknown as WatcherOverride;
}

/** The sum of explicit probabilities must leave room: one assault is chosen per attacked call. */
function checkProbabilities(config: MonkeyConfig | WatcherOverride, where: string, problems: string[]): void {
  let sum = 0;
  for (const key of ['latency', 'exceptions', 'killProcess', 'eventLoopBlock'] as const) {
    const section = config[key];
    if (section?.enabled !== false && typeof section?.probability === 'number') sum += section.probability;
  }
  if (sum > 1 + 1e-9) problems.push(`${where}probabilities of the enabled assaults add up to ${sum}, more than 1`);
}

/**
 * Returns a new config with `update` applied, or throws a MonkeyConfigError listing every problem.
 * Partial: only the fields present change.
 */
export function applyConfigUpdate(current: MonkeyConfig, update: MonkeyConfigUpdate | undefined): MonkeyConfig {
  const next: MonkeyConfig = structuredClone(current);
  if (update === undefined) return next;
  const problems: string[] = [];
  if (!isPlainObject(update)) throw new MonkeyConfigError(['options must be an object']);
  for (const [key, value] of Object.entries(update as Record<string, unknown>)) {
    if (value === undefined) continue;
    if (key in topLevel) {
      if (checkField(key, value, topLevel[key]!, problems))
        (next as unknown as Record<string, unknown>)[key] = Array.isArray(value) ? [...value] : value;
    } else if (key in sections) {
      mergeSection(key, (next as unknown as Record<string, Record<string, unknown>>)[key]!, value, problems);
    } else if (key === 'overrides') {
      if (!Array.isArray(value)) problems.push('overrides: must be a list');
      else
        next.overrides = value
          .map((o, i) => checkOverride(o, i, problems))
          .filter((o): o is WatcherOverride => o !== undefined);
    } else {
      problems.push(
        `${key}: unknown option (known: ${[...Object.keys(topLevel), ...Object.keys(sections), 'overrides'].join(', ')})`,
      );
    }
  }
  if (next.latency.minMs > next.latency.maxMs) {
    problems.push(`latency: minMs (${next.latency.minMs}) must not be greater than maxMs (${next.latency.maxMs})`);
  }
  checkProbabilities(next, '', problems);
  next.overrides.forEach((o, i) => {
    checkProbabilities(o, `overrides[${i}]: `, problems);
    const latency = { ...next.latency, ...o.latency };
    if (latency.minMs > latency.maxMs) {
      problems.push(
        `overrides[${i}].latency: minMs (${latency.minMs}) must not be greater than maxMs (${latency.maxMs})`,
      );
    }
  });
  if (problems.length > 0) throw new MonkeyConfigError(problems, 'see docs/monkey.md for every option and its range');
  return next;
}
