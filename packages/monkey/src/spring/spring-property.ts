import { isCronOff, parseCron } from '../runtime/cron-expression.js';
import type { FieldReader } from './read-fields.js';

/**
 * How an assault's config appears in Chaos Monkey for Spring Boot's assault JSON (`GET|POST
 * /assaults`, `chaos.monkey.assaults` in application.yml): the Spring property names it owns,
 * how to write them from the config and how to read a partial update from them.
 */
export interface SpringProperty<C> {
  readonly names: readonly string[];
  /** Node-only extensions are written after Spring's own fields (Spring clients ignore them). */
  readonly nodeOnly?: boolean;
  write(config: C): Record<string, unknown>;
  /** The fields of the config the request sets (undefined leaves: absent or invalid). */
  read(r: FieldReader): Partial<C>;
}

type Key<C> = keyof C & string;

export function springBool<C>(name: string, field: Key<C>, nodeOnly = false): SpringProperty<C> {
  return {
    names: [name],
    nodeOnly,
    write: (c) => ({ [name]: c[field] }),
    read: (r) => ({ [field]: r.bool(name) }) as Partial<C>,
  };
}

/** A number in Spring's range; a null config value (an unset probability) is left out of the JSON. */
export function springNumber<C>(
  name: string,
  field: Key<C>,
  range: { min: number; max: number; integer: boolean },
  nodeOnly = false,
): SpringProperty<C> {
  return {
    names: [name],
    nodeOnly,
    write: (c) => (c[field] === null ? {} : { [name]: c[field] }),
    read: (r) => ({ [field]: r.num(name, range.min, range.max, range.integer) }) as Partial<C>,
  };
}

/** Spring's int fields: milliseconds up to Integer.MAX_VALUE. */
export const springMaxInt = 2_147_483_647;

export const springProbability = <C>(name: string, field: Key<C>) =>
  springNumber<C>(name, field, { min: 0, max: 1, integer: false }, true);

/** Reads a cron expression ("OFF" included), reporting a syntax error as a field problem. */
export function readCron(r: FieldReader, name: string): string | undefined {
  const v = r.str(name);
  if (v === undefined || isCronOff(v)) return v;
  try {
    parseCron(v);
    return v;
  } catch (e) {
    r.problem(name, v, (e as Error).message, 'Cron');
    return undefined;
  }
}

export function springCron<C>(name: string, field: Key<C>): SpringProperty<C> {
  return {
    names: [name],
    write: (c) => ({ [name]: c[field] }),
    read: (r) => ({ [field]: readCron(r, name) }) as Partial<C>,
  };
}
