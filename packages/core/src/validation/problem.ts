import type { DocumentPath, ExperimentSource } from '../loader/experiment-source.js';

/** One thing wrong (or suspicious) in an experiment, located in the user's file. */
export interface Problem {
  severity: 'error' | 'warning';
  /** Path in the document: ["method", 0, "provider", "func"]. */
  path: DocumentPath;
  message: string;
  hint?: string;
  line?: number;
  column?: number;
}

/** "method[0].provider.func" */
export function formatPath(path: DocumentPath): string {
  let out = '';
  for (const key of path) out += typeof key === 'number' ? `[${key}]` : out ? `.${key}` : key;
  return out || '(document)';
}

export function locate(problem: Omit<Problem, 'line' | 'column'>, source?: ExperimentSource): Problem {
  const pos = source?.positionOf(problem.path);
  return pos ? { ...problem, line: pos.line, column: pos.column } : { ...problem };
}

/** "experiment.yaml:12:7 error method[0].provider.func: unknown function (did you mean …?)" */
export function formatProblem(problem: Problem, location?: string): string {
  const where = [location, problem.line, problem.column].filter((part) => part !== undefined).join(':');
  const text = `${where ? `${where}: ` : ''}${problem.severity} ${formatPath(problem.path)}: ${problem.message}`;
  return problem.hint ? `${text}\n    hint: ${problem.hint}` : text;
}
