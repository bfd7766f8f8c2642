import { UsageError } from '@faultline/core';
import { parseWindow } from '../time/parse-window.js';

export const comparators = ['<', '<=', '>', '>=', '=='] as const;
export type Comparator = (typeof comparators)[number];

export interface Objective {
  readonly op: Comparator;
  readonly value: number;
  /** As the user wrote it, for reports: "< 1%". */
  readonly text: string;
}

export type ObjectiveInput =
  string | { op: string; value: number | string } | Partial<Record<Comparator, number | string>>;

/**
 * Reads "< 0.01", "< 1%", "<= 300ms", ">= 99.9%", {"<": 0.01} or {op: "<", value: 0.01}.
 * Percentages become ratios and durations become seconds, the units Prometheus works in.
 */
export function parseObjective(input: ObjectiveInput, what = 'objective'): Objective {
  if (typeof input === 'string') {
    const match = input.trim().match(/^(<=|>=|==|<|>)\s*(.+)$/);
    if (!match)
      throw new UsageError(`${what}: cannot read "${input}"`, {
        hint: 'write a comparison such as "< 0.01", "< 1%", "<= 300ms" or ">= 99.9%"',
      });
    return { op: match[1] as Comparator, value: parseAmount(match[2]!, what), text: input.trim() };
  }
  if (input && typeof input === 'object') {
    if ('op' in input && typeof input.op === 'string') {
      const op = input.op as Comparator;
      if (!comparators.includes(op))
        throw new UsageError(`${what}: unknown comparator "${input.op}"`, {
          hint: `use one of ${comparators.join(' ')}`,
        });
      const value = (input as { value: number | string }).value;
      return { op, value: parseAmount(value, what), text: `${op} ${value}` };
    }
    const entries = Object.entries(input);
    if (entries.length === 1 && comparators.includes(entries[0]![0] as Comparator)) {
      const [op, value] = entries[0]! as [Comparator, number | string];
      return { op, value: parseAmount(value, what), text: `${op} ${value}` };
    }
  }
  throw new UsageError(`${what}: cannot read ${JSON.stringify(input)}`, {
    hint: 'write a comparison such as "< 0.01" or {"<": 0.01}',
  });
}

function parseAmount(raw: number | string, what: string): number {
  if (typeof raw === 'number') return raw;
  const text = raw.trim();
  if (/^[-+]?\d+(\.\d+)?(e[-+]?\d+)?$/i.test(text)) return Number(text);
  const percent = text.match(/^([-+]?\d+(?:\.\d+)?)\s*%$/);
  if (percent) return Number(percent[1]) / 100;
  return parseWindow(text, what);
}

export function meetsObjective(measured: number, objective: Objective): boolean {
  switch (objective.op) {
    case '<':
      return measured < objective.value;
    case '<=':
      return measured <= objective.value;
    case '>':
      return measured > objective.value;
    case '>=':
      return measured >= objective.value;
    case '==':
      return measured === objective.value;
  }
}

/** The aggregation that keeps the worst sample with respect to the objective. */
export function worstCase(objective: Objective): 'max' | 'min' {
  return objective.op === '>' || objective.op === '>=' ? 'min' : 'max';
}
