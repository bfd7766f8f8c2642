/** What one config field accepts; checked by `checkField` on every update. */
export type FieldKind =
  | { kind: 'boolean' }
  | { kind: 'number'; min: number; max: number; integer?: boolean; nullable?: boolean }
  | { kind: 'string'; nullable?: boolean }
  | { kind: 'strings'; nullable?: boolean }
  | { kind: 'any' };

/**
 * The longest duration any option takes: 30 days, Faultline's one maximum for waits. Node timers overflow above 2^31-1 ms (~24.8
 * days) and then fire after 1 ms, so the monkey waits longer ones in chunks (util/long-timeout.ts).
 */
export const maxDurationMs = 30 * 24 * 3600 * 1000;

export const bool = { kind: 'boolean' } as const;
export const int = (min: number, max: number) => ({ kind: 'number', min, max, integer: true }) as const;
export const fraction = (min: number, max: number) => ({ kind: 'number', min, max }) as const;
/** Milliseconds, 0 (or `min`) up to `maxDurationMs`. */
export const duration = (min = 0, max = maxDurationMs) => int(min, max);
/** An assault's own share of attacked calls, or null to share what the others leave. */
export const probability = { kind: 'number', min: 0, max: 1, nullable: true } as const;
export const string = { kind: 'string' } as const;
export const strings = { kind: 'strings' } as const;

/** Checks one value; returns whether it may be stored, pushing "path: message" otherwise. */
export function checkField(path: string, value: unknown, field: FieldKind, problems: string[]): boolean {
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
