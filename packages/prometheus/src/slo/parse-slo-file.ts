import { FaultlineError, UsageError } from '@faultline/core';
import { parseObjective, type ObjectiveInput } from './objective.js';
import { sloFileSchema, type SloFile } from './slo-definition.js';

/**
 * Read and validate an SLO file's parsed YAML/JSON, collecting every problem (shape and
 * objectives) before anything is queried.
 */
export function parseSloFile(document: unknown, source = 'SLO file'): SloFile {
  const parsed = sloFileSchema.safeParse(document);
  const problems = parsed.success ? [] : parsed.error.issues.map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`);
  if (parsed.success) {
    parsed.data.slos.forEach((slo, index) => {
      try {
        parseObjective(slo.objective as ObjectiveInput, `slos.${index}.objective`);
      } catch (error) {
        if (!(error instanceof FaultlineError)) throw error;
        problems.push(error.message);
      }
    });
  }
  if (problems.length > 0 || !parsed.success) {
    throw new UsageError(`${source} is invalid:\n${problems.map((p) => `  - ${p}`).join('\n')}`, { code: 'E_SLO_FILE', hint: 'see docs/prometheus.md for the SLO file format' });
  }
  return parsed.data;
}
