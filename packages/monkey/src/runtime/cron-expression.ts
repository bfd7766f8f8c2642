/**
 * Spring-style cron expressions: "sec min hour day-of-month month day-of-week" (6 fields), or the
 * classic 5 fields without seconds. Supports *, ?, lists, ranges, steps and JAN/MON names.
 * Day of month and day of week must both match, as in Spring. "OFF" (or "-") means never.
 */
export interface CronExpression {
  readonly source: string;
  /** The first matching time strictly after `after`, or undefined within the next 4 years. */
  next(after: Date): Date | undefined;
}

const months = ['JAN', 'FEB', 'MAR', 'APR', 'MAY', 'JUN', 'JUL', 'AUG', 'SEP', 'OCT', 'NOV', 'DEC'];
const days = ['SUN', 'MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT'];

interface FieldSpec {
  min: number;
  max: number;
  names?: string[];
  namesFrom?: number;
}

const specs: FieldSpec[] = [
  { min: 0, max: 59 },
  { min: 0, max: 59 },
  { min: 0, max: 23 },
  { min: 1, max: 31 },
  { min: 1, max: 12, names: months, namesFrom: 1 },
  { min: 0, max: 7, names: days, namesFrom: 0 },
];

export class CronSyntaxError extends Error {
  constructor(source: string, detail: string) {
    super(`invalid cron expression "${source}": ${detail}`);
    this.name = 'CronSyntaxError';
  }
}

function parseValue(text: string, spec: FieldSpec, source: string): number {
  const upper = text.toUpperCase();
  const named = spec.names?.indexOf(upper) ?? -1;
  if (named >= 0) return named + (spec.namesFrom ?? 0);
  if (!/^\d+$/.test(text)) throw new CronSyntaxError(source, `"${text}" is not a number`);
  const n = Number(text);
  if (n < spec.min || n > spec.max) throw new CronSyntaxError(source, `${n} is outside ${spec.min}-${spec.max}`);
  return n;
}

function parseField(text: string, spec: FieldSpec, source: string): Set<number> {
  const values = new Set<number>();
  for (const part of text.split(',')) {
    const [range, stepText] = part.split('/');
    const step = stepText === undefined ? 1 : Number(stepText);
    if (!Number.isInteger(step) || step < 1) throw new CronSyntaxError(source, `bad step in "${part}"`);
    let lo: number;
    let hi: number;
    if (range === '*' || range === '?') {
      lo = spec.min;
      hi = spec.max;
    } else if (range!.includes('-')) {
      const [a, b] = range!.split('-');
      lo = parseValue(a!, spec, source);
      hi = parseValue(b!, spec, source);
    } else {
      lo = parseValue(range!, spec, source);
      hi = stepText === undefined ? lo : spec.max;
    }
    if (lo > hi) throw new CronSyntaxError(source, `range "${part}" runs backwards`);
    for (let v = lo; v <= hi; v += step) values.add(v);
  }
  return values;
}

export function isCronOff(source: string): boolean {
  const s = source.trim().toUpperCase();
  return s === 'OFF' || s === '-' || s === '';
}

export function parseCron(source: string): CronExpression {
  const fields = source.trim().split(/\s+/);
  if (fields.length === 5) fields.unshift('0');
  if (fields.length !== 6)
    throw new CronSyntaxError(source, `expected 6 fields (sec min hour day month weekday) or 5, got ${fields.length}`);
  const [sec, min, hour, dom, mon, dow] = fields.map((f, i) => parseField(f, specs[i]!, source));
  if (dow!.has(7)) dow!.add(0);
  return {
    source,
    next(after) {
      const t = new Date(after.getTime());
      t.setMilliseconds(0);
      t.setSeconds(t.getSeconds() + 1);
      const limit = after.getTime() + 4 * 366 * 86_400_000;
      while (t.getTime() <= limit) {
        if (!mon!.has(t.getMonth() + 1)) {
          t.setMonth(t.getMonth() + 1, 1);
          t.setHours(0, 0, 0);
        } else if (!dom!.has(t.getDate()) || !dow!.has(t.getDay())) {
          t.setDate(t.getDate() + 1);
          t.setHours(0, 0, 0);
        } else if (!hour!.has(t.getHours())) {
          t.setHours(t.getHours() + 1, 0, 0);
        } else if (!min!.has(t.getMinutes())) {
          t.setMinutes(t.getMinutes() + 1, 0);
        } else if (!sec!.has(t.getSeconds())) {
          t.setSeconds(t.getSeconds() + 1);
        } else {
          return t;
        }
      }
      return undefined;
    },
  };
}

/** Problems of a config's cron field ("OFF" included), as "<at>.cron: message". */
export function cronProblems(cron: string, at: string): string[] {
  if (isCronOff(cron)) return [];
  try {
    parseCron(cron);
    return [];
  } catch (e) {
    return [`${at}.cron: ${(e as Error).message}`];
  }
}
