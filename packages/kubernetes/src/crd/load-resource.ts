import { readFileSync } from 'node:fs';
import { isAbsolute, join } from 'node:path';
import { UsageError } from '@faultline/core';
import { parse } from 'yaml';

/** chaosk8s's load_body: the `resource` argument, else the YAML file (relative to the experiment). */
export function loadResource(
  resource: unknown,
  yamlFile: string | undefined,
  experimentDir: string,
  activity: string,
): unknown {
  if (resource !== undefined && resource !== null) return resource;
  if (!yamlFile)
    throw new UsageError(`${activity}: either \`resource\` or \`resource_as_yaml_file\` must be set`, {
      code: 'E_ARGUMENTS',
    });
  const path = isAbsolute(yamlFile) ? yamlFile : join(experimentDir, yamlFile);
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    throw new UsageError(`${activity}: Path '${yamlFile}' is not a valid resource file`, { code: 'E_ARGUMENTS' });
  }
  return parse(text) as unknown;
}
