import { UsageError } from '../errors/faultline-error.js';

export const varTypes = ['str', 'string', 'int', 'integer', 'float', 'number', 'bytes', 'bool', 'json'] as const;
export type VarType = (typeof varTypes)[number];

/**
 * Chaos Toolkit's `convert_to_type`, used by `--var key:type=value` and `env_var_type`.
 * `bool` reads true/1/yes/on and false/0/no/off (any case) and refuses anything else, so a typo
 * such as `maybe` is an error rather than `true`; `bytes` stays a string in JavaScript.
 * Throws a UsageError naming `what` when the value does not convert.
 */
export function convertToType(type: string | undefined | null, value: unknown, what = 'value'): unknown {
  switch (type ?? 'str') {
    case 'str':
    case 'string':
    case 'bytes':
      return value;
    case 'int':
    case 'integer':
      return toInt(value, what);
    case 'float':
    case 'number':
      return toFloat(value, what);
    case 'bool':
      return toBool(value, what);
    case 'json':
      if (value === '' || value === null || value === undefined || typeof value !== 'string') return value;
      try {
        return JSON.parse(value) as unknown;
      } catch (error) {
        throw new UsageError(`${what}: ${JSON.stringify(value)} is not valid JSON (${(error as Error).message})`);
      }
    default:
      throw new UsageError(`${what}: unknown type "${type}"`, {
        hint: 'types are: str, int, float, bool, json (and bytes)',
      });
  }
}

function toInt(value: unknown, what: string): number {
  if (typeof value === 'boolean') return value ? 1 : 0;
  if (typeof value === 'number' && Number.isFinite(value)) return Math.trunc(value);
  const text = typeof value === 'string' ? value.trim() : '';
  // Python's int(): optional sign, digits, underscores only between digits.
  if (/^[+-]?\d+(?:_\d+)*$/.test(text)) return Number(text.replace(/_/g, ''));
  throw new UsageError(`${what}: ${JSON.stringify(value)} is not an integer`);
}

function toFloat(value: unknown, what: string): number {
  if (typeof value === 'number') return value;
  if (typeof value === 'boolean') return value ? 1 : 0;
  const text = typeof value === 'string' ? value.trim() : '';
  if (/^[+-]?(?:\d+(?:_\d+)*(?:\.(?:\d+(?:_\d+)*)?)?|\.\d+(?:_\d+)*)(?:e[+-]?\d+)?$/i.test(text))
    return Number(text.replace(/_/g, ''));
  if (/^[+-]?(?:inf|infinity)$/i.test(text)) return text.startsWith('-') ? -Infinity : Infinity;
  if (/^[+-]?nan$/i.test(text)) return Number.NaN;
  throw new UsageError(`${what}: ${JSON.stringify(value)} is not a number`);
}

function toBool(value: unknown, what: string): boolean {
  if (typeof value === 'boolean') return value;
  const text = String(value).trim().toLowerCase();
  if (['true', '1', 'yes', 'on'].includes(text)) return true;
  if (['false', '0', 'no', 'off'].includes(text)) return false;
  throw new UsageError(`${what}: ${JSON.stringify(value)} is not a boolean`, {
    hint: 'use true/false (or 1/0, yes/no, on/off)',
  });
}
