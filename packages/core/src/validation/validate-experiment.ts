import { toleranceProblems } from '../tolerance/tolerance-problems.js';
import type { z } from 'zod';
import type { ExperimentSource, DocumentPath } from '../loader/experiment-source.js';
import type { Experiment } from '../model/experiment.js';
import { parseWait } from '../duration/parse-duration.js';
import { findExecutable } from '../provider/process/index.js';
import type { ActivityResolver } from '../resolve/activity-resolver.js';
import { experimentSchema, knownKeys } from './experiment-schema.js';
import { checkEnvironment, type EnvironmentInputs } from './check-environment.js';
import { locate, type Problem } from './problem.js';
import { substitutionCycles } from './substitution-cycles.js';
import { safeguardProblems } from './safeguard-problems.js';
import { safeguardProbes } from './safeguard-probes.js';

export interface ValidationResult {
  /** Set when there is no error (warnings allowed). */
  experiment?: Experiment;
  problems: Problem[];
}

export interface ValidateOptions {
  source?: ExperimentSource;
  /** When given, python/javascript providers and controls are resolved and arguments checked. */
  resolver?: ActivityResolver;
  baseDir?: string;
  /** When given, `{type: env}` configuration and secrets whose variable is unset are errors. */
  environment?: EnvironmentInputs;
  /** The settings: their safeguard probes are resolved too (problems at paths under `settings`). */
  settings?: Readonly<Record<string, unknown>>;
}

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Checks an experiment and reports ALL problems at once, each with its path (and line when the
 * source text is known). Unknown keys are warnings: old experiments carry them.
 */
export async function validateExperiment(value: unknown, options: ValidateOptions = {}): Promise<ValidationResult> {
  const raw: Omit<Problem, 'line' | 'column'>[] = [];
  const error = (path: DocumentPath, message: string, hint?: string) =>
    raw.push({ severity: 'error', path, message, hint });
  const warn = (path: DocumentPath, message: string, hint?: string) =>
    raw.push({ severity: 'warning', path, message, hint });

  const parsed = experimentSchema.safeParse(value, { reportInput: true });
  if (!parsed.success) for (const issue of flattenIssues(parsed.error.issues)) error(issue.path, issue.message);

  if (isObj(value)) {
    checkUnknownKeys(value, warn);
    if (options.environment) checkEnvironment(value, options.environment, error);
    await checkSemantics(value, options, error, warn);
    for (const cycle of substitutionCycles(value.configuration)) error(cycle.path, cycle.message);
    for (const problem of safeguardProblems(value.controls)) error(problem.path, problem.message, problem.hint);
  } else if (parsed.success) {
    error([], 'an experiment must be an object');
  }

  // A problem of the settings' safeguards has no line in the experiment's source.
  const inSettings = (p: Omit<Problem, 'line' | 'column'>) =>
    p.path[0] === 'settings' && !(isObj(value) && 'settings' in value);
  const problems = dedupe(raw)
    .map((p): Problem => (inSettings(p) ? p : locate(p, options.source)))
    .sort((a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0));
  const ok = !problems.some((p) => p.severity === 'error');
  return { experiment: ok ? (value as Experiment) : undefined, problems };
}

interface FlatIssue {
  path: DocumentPath;
  message: string;
}

/** Turns zod issues into plain sentences; unions report their most specific branch. */
function flattenIssues(issues: readonly z.core.$ZodIssue[], prefix: DocumentPath = []): FlatIssue[] {
  const out: FlatIssue[] = [];
  for (const issue of issues) {
    const path = [...prefix, ...(issue.path as (string | number)[])];
    if (issue.code === 'invalid_union' && 'errors' in issue && issue.errors.length) {
      // Pick the branch that got furthest (deepest paths, fewest issues).
      const branches = issue.errors.map((branch) => flattenIssues(branch, path));
      const best = branches.sort((a, b) => depth(b) - depth(a) || a.length - b.length)[0]!;
      if (depth(best) > path.length) out.push(...best);
      else out.push({ path, message: describeUnion(path) });
      continue;
    }
    if (issue.code === 'invalid_union' && 'discriminator' in issue) {
      const key = issue.discriminator as string;
      out.push({
        path: path[path.length - 1] === key ? path : [...path, key],
        message: `unknown provider type (expected one of: http, process, python, javascript)`,
      });
      continue;
    }
    out.push({ path, message: describeIssue(issue) });
  }
  return out;
}

const depth = (issues: FlatIssue[]) => Math.max(0, ...issues.map((i) => i.path.length));

function describeUnion(path: DocumentPath): string {
  const last = path[path.length - 1];
  if (last === 'tolerance')
    return 'tolerance must be a boolean, number, string, list, or an object with type range|regex|jsonpath|probe';
  if (last === 'timeout') return 'timeout must be seconds, a string with a unit, or [connect, read]';
  return 'value does not match any accepted form';
}

function describeIssue(issue: z.core.$ZodIssue): string {
  if (issue.code === 'invalid_type') {
    return issue.input === undefined
      ? `is required (${issue.expected})`
      : `must be ${article(issue.expected)}, got ${typeOf(issue.input)}`;
  }
  if (issue.code === 'too_small' && issue.origin === 'string' && Number(issue.minimum) === 1)
    return 'must not be empty';
  if (issue.code === 'invalid_value') return `must be one of: ${issue.values.map((v) => JSON.stringify(v)).join(', ')}`;
  return issue.message;
}

const article = (t: string) => (/^[aeiou]/.test(t) ? `an ${t}` : `a ${t}`);
const typeOf = (v: unknown) => (v === null ? 'null' : Array.isArray(v) ? 'array' : typeof v);

function checkUnknownKeys(experiment: Obj, warn: (path: DocumentPath, message: string, hint?: string) => void): void {
  const unknown = (obj: Obj, known: readonly string[], path: DocumentPath) => {
    for (const key of Object.keys(obj))
      if (!known.includes(key)) warn([...path, key], `unknown key "${key}" is ignored`);
  };
  unknown(experiment, knownKeys.experiment, []);
  const hypothesis = experiment['steady-state-hypothesis'];
  if (isObj(hypothesis)) unknown(hypothesis, knownKeys.hypothesis, ['steady-state-hypothesis']);
  forEachActivity(experiment, (activity, path) => {
    if ('ref' in activity) return;
    unknown(activity, knownKeys.activity, path);
    const provider = activity.provider;
    if (isObj(provider) && typeof provider.type === 'string' && Object.hasOwn(knownKeys.provider, provider.type)) {
      unknown(provider, knownKeys.provider[provider.type as keyof typeof knownKeys.provider], [...path, 'provider']);
    }
  });
}

function forEachActivity(experiment: Obj, visit: (activity: Obj, path: DocumentPath, section: string) => void): void {
  const hypothesis = experiment['steady-state-hypothesis'];
  const sections: Array<[DocumentPath, unknown]> = [
    [['steady-state-hypothesis', 'probes'], isObj(hypothesis) ? hypothesis.probes : undefined],
    [['method'], experiment.method],
    [['rollbacks'], experiment.rollbacks],
  ];
  for (const [path, list] of sections) {
    if (!Array.isArray(list)) continue;
    list.forEach((activity, index) => {
      if (isObj(activity)) visit(activity, [...path, index], String(path[0]));
    });
  }
}

async function checkSemantics(
  experiment: Obj,
  options: ValidateOptions,
  error: (path: DocumentPath, message: string, hint?: string) => void,
  warn: (path: DocumentPath, message: string, hint?: string) => void,
): Promise<void> {
  // As Chaos Toolkit: the method must be declared, and may be empty to check only the hypothesis.
  if (!('method' in experiment))
    error(
      ['method'],
      'an experiment requires a method, which can be empty for only checking the steady-state hypothesis',
      'add `method: []`',
    );

  const declared = new Set<string>();
  forEachActivity(experiment, (activity) => {
    if (typeof activity.name === 'string') declared.add(activity.name);
  });

  const resolutions: Array<Promise<void>> = [];
  // The activity's own provider, and a probe used as its tolerance (a Python or JavaScript tolerance).
  const checkFunctions = (activity: Obj, path: DocumentPath) => {
    const tolerance = activity.tolerance;
    const providers: Array<[unknown, DocumentPath, boolean]> = [[activity.provider, [...path, 'provider'], false]];
    if (isObj(tolerance) && tolerance.type === 'probe')
      providers.push([tolerance.provider, [...path, 'tolerance', 'provider'], true]);
    for (const [candidate, at, isTolerance] of providers) {
      if (!options.resolver || !isObj(candidate)) continue;
      if (candidate.type !== 'python' && candidate.type !== 'javascript') continue;
      if (typeof candidate.module === 'string' && typeof candidate.func === 'string')
        resolutions.push(checkProvider(candidate, at, options, error, isTolerance));
    }
  };
  forEachActivity(experiment, (activity, path, section) => {
    if ('ref' in activity) {
      if (typeof activity.ref === 'string' && !declared.has(activity.ref)) {
        error([...path, 'ref'], `refers to "${activity.ref}", which no activity declares`);
      }
      return;
    }
    if (section === 'steady-state-hypothesis') {
      if (activity.type === 'action') error([...path, 'type'], 'the steady-state hypothesis may only contain probes');
      if (!('tolerance' in activity))
        error(
          path,
          `probe "${String(activity.name)}" has no tolerance`,
          'a hypothesis probe needs a tolerance to compare its output with',
        );
      // Regexes, JSONPaths and ranges are checked now, not when the run reaches them.
      else for (const message of toleranceProblems(activity.tolerance)) error([...path, 'tolerance'], message);
    }
    if (section === 'rollbacks' && activity.type === 'probe')
      warn([...path, 'type'], 'a probe in rollbacks changes nothing');
    if (isObj(activity.pauses)) {
      for (const when of ['before', 'after'] as const) {
        const pause = activity.pauses[when];
        if (pause === undefined || (typeof pause === 'string' && pause.includes('$'))) continue;
        try {
          parseWait(pause, 'pause');
        } catch (e) {
          error([...path, 'pauses', when], (e as Error).message);
        }
      }
    }
    const provider = activity.provider;
    // As Chaos Toolkit: a process provider's executable must exist where the experiment is validated.
    if (
      isObj(provider) &&
      provider.type === 'process' &&
      typeof provider.path === 'string' &&
      !provider.path.includes('$')
    ) {
      if (!findExecutable(provider.path, { cwd: options.baseDir ?? process.cwd() })) {
        error(
          [...path, 'provider', 'path'],
          `cannot find executable "${provider.path}"`,
          'install it or put it on PATH (a relative path resolves from the experiment file)',
        );
      }
    }
    checkFunctions(activity, path);
  });
  // Safeguard probes (experiment controls and settings) run as hypothesis probes do: checked alike.
  for (const [probe, path] of safeguardProbes(experiment.controls, options.settings))
    if (isObj(probe)) checkFunctions(probe, path);

  const controls: Array<[DocumentPath, unknown]> = [[['controls'], experiment.controls]];
  const hypothesis = experiment['steady-state-hypothesis'];
  if (isObj(hypothesis)) controls.push([['steady-state-hypothesis', 'controls'], hypothesis.controls]);
  forEachActivity(experiment, (activity, path) => controls.push([[...path, 'controls'], activity.controls]));
  for (const [path, list] of controls) {
    if (!Array.isArray(list) || !options.resolver) continue;
    list.forEach((control, index) => {
      const provider = isObj(control) ? control.provider : undefined;
      if (!isObj(provider) || typeof provider.module !== 'string') return;
      resolutions.push(
        options
          .resolver!.resolveControl(
            { type: String(provider.type), module: provider.module },
            options.baseDir ?? process.cwd(),
          )
          .then(
            () => undefined,
            (e: Error & { hint?: string }) => error([...path, index, 'provider', 'module'], e.message, e.hint),
          ),
      );
    });
  }
  await Promise.all(resolutions);
}

async function checkProvider(
  provider: Obj,
  path: DocumentPath,
  options: ValidateOptions,
  error: (path: DocumentPath, message: string, hint?: string) => void,
  isTolerance = false,
): Promise<void> {
  try {
    const resolved = await options.resolver!.resolve(
      {
        type: provider.type as 'python' | 'javascript',
        module: provider.module as string,
        func: provider.func as string,
      },
      options.baseDir ?? process.cwd(),
    );
    const given = isObj(provider.arguments) ? provider.arguments : {};
    // A probe used as a tolerance receives the checked value as its `value` argument at run time.
    const args = isTolerance && !('value' in given) ? { ...given, value: null } : given;
    if (resolved.checkArguments) {
      // A bridged Python function: its real signature decides, as chaoslib's validation does.
      const problem = await resolved.checkArguments(args);
      if (problem) error([...path, 'arguments'], `${String(provider.module)}.${String(provider.func)}: ${problem}`);
      return;
    }
    if (!resolved.definition) return;
    const schema = resolved.definition.arguments as z.ZodType & { shape?: Record<string, unknown> };
    if (schema.shape) {
      const known = Object.keys(schema.shape);
      for (const key of Object.keys(given)) {
        if (!known.includes(key))
          error(
            [...path, 'arguments', key],
            `${resolved.definition.name} takes no argument "${key}"`,
            `its arguments: ${known.join(', ')}`,
          );
      }
    }
    const result = schema.safeParse(args, { reportInput: true });
    if (result.success) return;
    for (const issue of result.error.issues) {
      const key = issue.path[0];
      const rawValue = typeof key === 'string' ? args[key] : undefined;
      if (typeof rawValue === 'string' && rawValue.includes('$')) continue; // typed after substitution
      if (isTolerance && key === 'value' && !('value' in given)) continue; // the probe's output, at run time
      if (issue.code === 'unrecognized_keys') continue; // reported above with a hint
      error([...path, 'arguments', ...(issue.path as (string | number)[])], describeIssue(issue));
    }
  } catch (e) {
    const err = e as Error & { hint?: string };
    error([...path, provider.type === 'python' ? 'func' : 'module'], err.message, err.hint);
  }
}

function dedupe(problems: Omit<Problem, 'line' | 'column'>[]): Omit<Problem, 'line' | 'column'>[] {
  const seen = new Set<string>();
  return problems.filter((p) => {
    const key = `${p.severity}|${p.path.join('.')}|${p.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
