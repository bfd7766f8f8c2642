import type { ValidationProblem } from './validation-problem.js';

/**
 * Field readers with Jackson's lenient coercions (numeric strings, "true"/"false") and Bean
 * Validation's messages, so 400 answers read like the Spring monkey's.
 */
export class FieldReader {
  constructor(
    private readonly body: Record<string, unknown>,
    readonly problems: ValidationProblem[] = [],
    private readonly prefix = '',
  ) {}

  /** A reader of a nested object whose problems land here, as "<prefix><field>". */
  nested(body: Record<string, unknown>, prefix: string): FieldReader {
    return new FieldReader(body, this.problems, `${this.prefix}${prefix}`);
  }

  value(field: string): unknown {
    return this.body[field];
  }

  has(field: string): boolean {
    return this.body[field] !== undefined && this.body[field] !== null;
  }

  bool(field: string): boolean | undefined {
    const v = this.body[field];
    if (v === undefined || v === null) return undefined;
    if (typeof v === 'boolean') return v;
    if (v === 'true' || v === 'false') return v === 'true';
    this.problem(field, v, 'must be a boolean', 'typeMismatch');
    return undefined;
  }

  num(field: string, min: number, max: number, integer: boolean): number | undefined {
    const raw = this.body[field];
    if (raw === undefined || raw === null) return undefined;
    const v = typeof raw === 'string' && raw.trim() !== '' ? Number(raw) : raw;
    if (typeof v !== 'number' || !Number.isFinite(v) || (integer && !Number.isInteger(v))) {
      this.problem(field, raw, integer ? 'must be an integer' : 'must be a number', 'typeMismatch');
      return undefined;
    }
    const fmt = (n: number) => (integer ? String(n) : Number.isInteger(n) ? n.toFixed(1) : String(n));
    if (v < min) {
      this.problem(field, raw, `must be greater than or equal to ${fmt(min)}`, integer ? 'Min' : 'DecimalMin');
      return undefined;
    }
    if (v > max) {
      this.problem(field, raw, `must be less than or equal to ${fmt(max)}`, integer ? 'Max' : 'DecimalMax');
      return undefined;
    }
    return v;
  }

  str(field: string): string | undefined {
    const v = this.body[field];
    if (v === undefined || v === null) return undefined;
    if (typeof v === 'string') return v;
    this.problem(field, v, 'must be a string', 'typeMismatch');
    return undefined;
  }

  strings(field: string): string[] | null | undefined {
    const v = this.body[field];
    if (v === undefined) return undefined;
    if (v === null) return null;
    if (Array.isArray(v) && v.every((s) => typeof s === 'string')) return [...v] as string[];
    this.problem(field, v, 'must be a list of strings', 'typeMismatch');
    return undefined;
  }

  problem(field: string, rejectedValue: unknown, defaultMessage: string, code: string): void {
    this.problems.push({ field: `${this.prefix}${field}`, rejectedValue, defaultMessage, code });
  }
}
