import { readFileSync } from 'node:fs';
import { extname, isAbsolute, join } from 'node:path';
import { UsageError } from '@faultline/core';
import { parse } from 'yaml';
import type { KubeManifest } from './kube-manifest.js';

/**
 * Read the object of a `spec_path` (JSON, or YAML with .yml/.yaml, as chaosk8s decides by the
 * extension). A relative path resolves from the experiment's directory.
 */
export function loadManifest(specPath: string, experimentDir: string, activity: string): KubeManifest {
  const path = isAbsolute(specPath) ? specPath : join(experimentDir, specPath);
  const ext = extname(path).toLowerCase();
  if (!['.json', '.yml', '.yaml'].includes(ext))
    throw new UsageError(`${activity}: cannot process ${specPath}`, {
      code: 'E_SPEC_PATH',
      hint: 'spec_path must end in .json, .yml or .yaml',
    });
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new UsageError(`${activity}: cannot read ${path}: ${(error as Error).message}`, { code: 'E_SPEC_PATH' });
  }
  let object: unknown;
  try {
    object = ext === '.json' ? JSON.parse(text) : parse(text);
  } catch (error) {
    throw new UsageError(
      `${activity}: ${path} is not valid ${ext === '.json' ? 'JSON' : 'YAML'}: ${(error as Error).message}`,
      {
        code: 'E_SPEC_PATH',
      },
    );
  }
  if (!object || typeof object !== 'object' || Array.isArray(object))
    throw new UsageError(`${activity}: ${path} must hold one Kubernetes object`, { code: 'E_SPEC_PATH' });
  return object as KubeManifest;
}
