import { allAssaults, requestAssaults } from '../assaults/all-assaults.js';
import type { AssaultConfig } from '../assaults/assault.js';
import { bool, checkField, int, strings, type FieldKind } from './field-kind.js';
import { MonkeyConfigError } from './monkey-config-error.js';
import type { MonkeyConfig, MonkeyConfigUpdate, WatcherOverride } from './monkey-config.js';

/** Every settable field of each section (an assault's come from its definition) and what it accepts. */
const sections: Record<string, Readonly<Record<string, FieldKind>>> = {
  ...Object.fromEntries(allAssaults.map((a) => [a.section, a.fields])),
  watchers: {
    controller: bool,
    restController: bool,
    service: bool,
    repository: bool,
    component: bool,
    restTemplate: bool,
    webClient: bool,
    actuatorHealth: bool,
    beans: strings,
    routes: strings,
    exclude: strings,
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

const known = (keys: Iterable<string>) => `(known: ${[...keys].join(', ')})`;

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
    if (!Object.hasOwn(fields, key)) {
      problems.push(`${prefix}${name}.${key}: unknown option ${known(Object.keys(fields))}`);
      continue;
    }
    if (checkField(`${prefix}${name}.${key}`, value, fields[key]!, problems))
      target[key] = Array.isArray(value) ? [...value] : value;
  }
}

const overrideKeys = ['target', 'level', 'deterministic', ...requestAssaults.map((a) => a.section)];

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
    } else if (requestAssaults.some((a) => a.section === key)) {
      const section: Record<string, unknown> = {};
      mergeSection(key, section, value, problems, `${at}.`);
      override[key] = section;
    } else {
      problems.push(`${at}.${key}: unknown option ${known(overrideKeys)}`);
    }
  }
  return override as unknown as WatcherOverride;
}

/**
 * Checks what single fields cannot show, for the config itself (`where` = '') and for each
 * override merged over it: each assault's own checks, and that the explicit probabilities of the
 * enabled request assaults leave room (one assault is chosen per attacked call).
 */
function checkSections(config: MonkeyConfig, override: WatcherOverride | undefined, where: string, problems: string[]) {
  const sectionsOf = config as unknown as Record<string, AssaultConfig>;
  const own = override as unknown as Record<string, Partial<AssaultConfig>> | undefined;
  let sum = 0;
  for (const assault of override ? requestAssaults : allAssaults) {
    const section = { ...sectionsOf[assault.section]!, ...own?.[assault.section] };
    problems.push(...(assault.check?.(section, where ? `${where}.${assault.section}` : assault.section) ?? []));
    const p = section.probability;
    if (assault.attack && section.enabled !== false && typeof p === 'number') sum += p;
  }
  if (sum > 1 + 1e-9)
    problems.push(`${where ? `${where}: ` : ''}probabilities of the enabled assaults add up to ${sum}, more than 1`);
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
    if (Object.hasOwn(topLevel, key)) {
      if (checkField(key, value, topLevel[key]!, problems))
        (next as unknown as Record<string, unknown>)[key] = Array.isArray(value) ? [...value] : value;
    } else if (Object.hasOwn(sections, key)) {
      mergeSection(key, (next as unknown as Record<string, Record<string, unknown>>)[key]!, value, problems);
    } else if (key === 'overrides') {
      if (!Array.isArray(value)) problems.push('overrides: must be a list');
      else
        next.overrides = value
          .map((o, i) => checkOverride(o, i, problems))
          .filter((o): o is WatcherOverride => o !== undefined);
    } else {
      problems.push(
        `${key}: unknown option ${known([...Object.keys(topLevel), ...Object.keys(sections), 'overrides'])}`,
      );
    }
  }
  checkSections(next, undefined, '', problems);
  next.overrides.forEach((o, i) => checkSections(next, o, `overrides[${i}]`, problems));
  if (problems.length > 0) throw new MonkeyConfigError(problems);
  return next;
}
