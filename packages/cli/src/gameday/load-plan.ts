import { readFile } from 'node:fs/promises';
import { parseDuration, parseExperimentText, UsageError } from '@faultline/core';
import { planSchema, type Plan } from './plan-schema.js';

/** Read and validate a plan file (YAML or JSON), listing every problem with its path. */
export async function loadPlan(path: string): Promise<Plan> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw new UsageError(`cannot read the plan ${path}: ${(error as Error).message}`);
  }
  // The experiment loader's parser: the same limits (aliases, depth, size) apply to plans.
  const document = parseExperimentText(text, path);
  if (document.errors.length)
    throw new UsageError(
      `the plan ${path} is not valid YAML/JSON: ${document.errors.map((e) => `${e.line ?? '?'}:${e.column ?? '?'} ${e.message}`).join('; ')}`,
    );
  const parsed = planSchema.safeParse(document.value);
  if (!parsed.success)
    throw new UsageError(
      `the plan ${path} is invalid:\n${parsed.error.issues.map((issue) => `  ${issue.path.join('.') || '(root)'}: ${issue.message}`).join('\n')}`,
      { hint: 'faultline gameday schema prints the JSON Schema of plan files' },
    );
  const zone = parsed.data.window?.timeZone;
  if (zone) {
    try {
      new Intl.DateTimeFormat('en-US', { timeZone: zone });
    } catch {
      throw new UsageError(`the plan ${path} is invalid: window.timeZone "${zone}" is not an IANA time zone`);
    }
  }
  if (parsed.data.max_duration !== undefined) {
    try {
      parseDuration(parsed.data.max_duration, 'max_duration');
    } catch (error) {
      throw new UsageError(`the plan ${path} is invalid: ${(error as Error).message}`);
    }
  }
  return parsed.data;
}
