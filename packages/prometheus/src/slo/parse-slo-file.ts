import { UsageError } from '@faultline/core';
import { sloFileSchema, type SloFile } from './slo-definition.js';

/**
 * Read and validate an SLO file's parsed YAML/JSON, collecting every problem (shape and
 * objectives) before anything is queried.
 */
export function parseSloFile(document: unknown, source = 'SLO file'): SloFile {
  const parsed = sloFileSchema.safeParse(document);
  if (!parsed.success) {
    const problems = parsed.error.issues
      .map((issue) => `  - ${issue.path.join('.') || '(root)'}: ${issue.message}`)
      .join('\n');
    throw new UsageError(`${source} is invalid:\n${problems}`, {
      code: 'E_SLO_FILE',
      hint: 'see docs/prometheus.md for the SLO file format',
    });
  }
  return parsed.data;
}
