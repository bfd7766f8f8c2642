import { validateExperiment, type LoadedDocument, type ValidationResult } from '@faultline/core';
import { createResolver } from './create-resolver.js';

/**
 * `faultline validate`'s checks of a loaded experiment: schema, semantics, activities resolved
 * (native drivers, then Python; safeguard probes of the settings too), and configuration read from an
 * environment variable that is unset.
 */
export async function validateDocument(
  document: LoadedDocument,
  options: { cwd: string; env: Readonly<Record<string, string | undefined>>; settings: Record<string, unknown> },
): Promise<ValidationResult> {
  const resolver = createResolver({ ...options, baseDir: document.baseDir });
  return validateExperiment(document.value, {
    source: document.source,
    resolver,
    baseDir: document.baseDir,
    environment: { env: options.env },
    settings: options.settings,
  }).finally(() => resolver.close());
}
