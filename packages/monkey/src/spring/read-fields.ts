import type { ValidationProblem } from './validation-problem.js';

/**
 * Field readers with Jackson's lenient coercions (numeric strings, "true"/"false") and Bean
 * Validation's messages, so 400 answers read like the Spring monkey's.
 */
export class FieldReader {
  readonly problems: ValidationProblem[] = [];

  constructor(private readonly body: Record<string, unknown>) {}

  has(field: string): boolean {
    return this.body[field] !== undefined && this.body[field] !== null;
  }

  bool(field: string): boolean | undefined {
    const v = this.body[field];
    if (v === undefined || v === null) return undefined;
    if (typeof v === 'boolean') return v;
    if (v === 'true' || v === 'false') return v === 'true';
    this.problems.push({ field, rejectedValue: v, defaultMessage: 'must be a boolean', code: 'typeMismatch' });
    return undefined;
  }

  num(field: string, min: number, max: number, integer: boolean): number | undefined {
    const raw = this.body[field];
    if (raw === undefined || raw === null) return undefined;
    const v = typeof raw === 'string' && raw.trim() !== '' ? Number(raw) : raw;
    if (typeof v !== 'number' || !Number.isFinite(v) || (integer && !Number.isInteger(v))) {
      this.problems.push({
        field,
        rejectedValue: raw,
        defaultMessage: integer ? 'must be an integer' : 'must be a number',
        code: 'typeMismatch',
      });
      return undefined;
    }
    const fmt = (n: number) => (integer ? String(n) : Number.isInteger(n) ? n.toFixed(1) : String(n));
    if (v < min) {
      this.problems.push({
        field,
        rejectedValue: raw,
        defaultMessage: `must be greater than or equal to ${fmt(min)}`,
        code: integer ? 'Min' : 'DecimalMin',
      });
      return undefined;
    }
    if (v > max) {
      this.problems.push({
        field,
        rejectedValue: raw,
        defaultMessage: `must be less than or equal to ${fmt(max)}`,
        code: integer ? 'Max' : 'DecimalMax',
      });
      return undefined;
    }
    return v;
  }

  str(field: string): string | undefined {
    const v = this.body[field];
    if (v === undefined || v === null) return undefined;
    if (typeof v === 'string') return v;
    this.problems.push({ field, rejectedValue: v, defaultMessage: 'must be a string', code: 'typeMismatch' });
    return undefined;
  }

  strings(field: string): string[] | null | undefined {
    const v = this.body[field];
    if (v === undefined) return undefined;
    if (v === null) return null;
    if (Array.isArray(v) && v.every((s) => typeof s === 'string')) return [...v] as string[];
    this.problems.push({ field, rejectedValue: v, defaultMessage: 'must be a list of strings', code: 'typeMismatch' });
    return undefined;
  }

  problem(field: string, rejectedValue: unknown, defaultMessage: string, code: string): void {
    this.problems.push({ field, rejectedValue, defaultMessage, code });
  }
}
