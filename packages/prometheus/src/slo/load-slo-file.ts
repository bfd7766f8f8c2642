import { UsageError } from '@faultline/core';
import { parse } from 'yaml';
import { parseSloFile } from './parse-slo-file.js';
import type { SloFile } from './slo-definition.js';

/** Parse an SLO file's text (YAML or JSON, which YAML includes) and validate it. */
export function loadSloFile(text: string, source = 'SLO file'): SloFile {
  let document: unknown;
  try {
    document = parse(text, { prettyErrors: true });
  } catch (error) {
    throw new UsageError(`${source} is not valid YAML/JSON: ${(error as Error).message}`, { code: 'E_SLO_FILE' });
  }
  return parseSloFile(document, source);
}
