import { isPlainObject } from '../substitution/is-plain-object.js';
import { jsonPathQuery } from './json-path-query.js';
import { pythonRegex } from './python-regex.js';

/**
 * What Chaos Toolkit's `ensure_hypothesis_tolerance_is_valid` rejects, as messages (empty when the
 * tolerance is fine), so validation can report every problem at once. Patterns and paths holding
 * `${...}` are only checked after substitution, at run time.
 */
export function toleranceProblems(tolerance: unknown): string[] {
  if (
    typeof tolerance === 'boolean' ||
    typeof tolerance === 'number' ||
    typeof tolerance === 'string' ||
    Array.isArray(tolerance)
  )
    return [];
  if (!isPlainObject(tolerance)) {
    return [
      'a tolerance must be a boolean, a number, a string, a list, or a mapping of type probe, regex, jsonpath or range',
    ];
  }
  const templated = (value: unknown) => typeof value === 'string' && /\$\{?[_a-z]/i.test(value);
  switch (tolerance.type) {
    case 'probe':
      return isPlainObject(tolerance.provider) ? [] : ['a probe tolerance needs a provider'];
    case 'regex': {
      if (!('pattern' in tolerance)) return ['a regex tolerance needs a "pattern"'];
      if (typeof tolerance.pattern !== 'string')
        return [`regex tolerance pattern ${JSON.stringify(tolerance.pattern)} has an invalid type`];
      if (templated(tolerance.pattern)) return [];
      try {
        pythonRegex(tolerance.pattern);
        return [];
      } catch (error) {
        return [(error as Error).message];
      }
    }
    case 'jsonpath': {
      if (!('path' in tolerance)) return ['a jsonpath tolerance needs a "path"'];
      if (typeof tolerance.path !== 'string')
        return [`jsonpath tolerance path ${JSON.stringify(tolerance.path)} has an invalid type`];
      if (tolerance.path.trim() === '') return ['a jsonpath tolerance path cannot be empty'];
      const problems: string[] = [];
      if (
        tolerance.count !== undefined &&
        (typeof tolerance.count !== 'number' || !Number.isInteger(tolerance.count) || tolerance.count < 0)
      ) {
        problems.push('a jsonpath tolerance "count" must be a non-negative integer');
      }
      if (!templated(tolerance.path)) {
        try {
          jsonPathQuery(tolerance.path, {});
        } catch (error) {
          problems.push(`invalid JSONPath "${tolerance.path}": ${(error as Error).message}`);
        }
      }
      return problems;
    }
    case 'range': {
      const range = tolerance.range;
      if (!('range' in tolerance)) return ['a range tolerance needs a "range"'];
      if (!Array.isArray(range)) return ['a range tolerance "range" must be a list of two numbers'];
      if (range.length !== 2) return ['a range tolerance "range" must be made of two values'];
      const problems: string[] = [];
      if (typeof range[0] !== 'number') problems.push('the lower boundary of a range tolerance must be a number');
      if (typeof range[1] !== 'number') problems.push('the upper boundary of a range tolerance must be a number');
      if (problems.length === 0 && (range[0] as number) > (range[1] as number))
        problems.push(`range [${range[0]}, ${range[1]}] is empty: the lower boundary is above the upper one`);
      return problems;
    }
    default:
      return [`tolerance type ${JSON.stringify(tolerance.type)} is unsupported (use probe, regex, jsonpath or range)`];
  }
}
