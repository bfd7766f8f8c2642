import type { Server } from 'node:net';
import type { FieldKind } from '../config/field-kind.js';
import type { Outcome } from '../monkey/monkey-types.js';
import type { SpringProperty } from '../spring/spring-property.js';
import type { MonkeyLogger } from '../util/monkey-logger.js';
import type { RuntimeAssaultRun } from './runtime-assault-run.js';

/** What every assault's config section has; the rest is its own. */
export type AssaultConfig = { enabled: boolean; [field: string]: unknown };

/** What an assault may use while it acts. */
export interface AssaultContext {
  readonly logger: MonkeyLogger;
  readonly random: () => number;
  /** Servers the monkey has seen (the kill assault stops them accepting). */
  readonly servers: Iterable<Server>;
}

/**
 * One assault, whole: its config section (schema and defaults), its Spring property mapping and
 * what it does. Adding an assault is one file exporting one of these, listed in all-assaults.ts,
 * plus its test running the shared contract (assault.case.ts).
 */
export interface AssaultDefinition<C extends AssaultConfig = AssaultConfig, N extends string = string> {
  /** Its section of the monkey's config: `latency`, `exceptions`… */
  readonly section: string;
  /** Its name in stats, metrics and `attack()`'s answer. */
  readonly name: N;
  readonly description: string;
  readonly defaults: C;
  /** Every field of the section and what it accepts. */
  readonly fields: { readonly [K in keyof C & string]: FieldKind };
  readonly spring: readonly SpringProperty<C>[];
  /** Problems of the whole section that single fields cannot show; `at` prefixes each message. */
  check?(config: C, at: string): string[];
  /** Request assault: what it does to one attacked call (an outcome for the adapter, or nothing). */
  attack?(config: C, context: AssaultContext): Outcome | undefined;
  /** Runtime assault (attack(), POST /assaults/runtime/attack, its cron): starts a run, or undefined if it cannot. */
  start?(config: C, context: AssaultContext): RuntimeAssaultRun | undefined;
}

/** Request assaults take a share of attacked calls. */
export type RequestAssaultConfig = AssaultConfig & { probability: number | null };

/** Runtime assaults run on a schedule. */
export type RuntimeAssaultConfig = AssaultConfig & { cron: string };

/** Types the definition against its config type and name, so its file reads as one declaration. */
export function defineAssault<C extends AssaultConfig, N extends string>(
  definition: AssaultDefinition<C, N>,
): AssaultDefinition<C, N> {
  return definition;
}
