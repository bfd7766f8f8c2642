import { readFile } from 'node:fs/promises';
import { basename, extname, resolve } from 'node:path';
import { UsageError, type ControlDeclaration } from '@faultline/core';

/**
 * `--control-file`: a JavaScript control module (its file name becomes the control's name), or a
 * JSON/YAML file holding a list of controls or `{controls: [...]}`.
 */
export async function loadControlFiles(paths: string[], cwd: string): Promise<ControlDeclaration[]> {
  const declarations: ControlDeclaration[] = [];
  for (const path of paths) {
    const full = resolve(cwd, path);
    const extension = extname(full);
    if (['.js', '.mjs', '.cjs'].includes(extension)) {
      declarations.push({ name: basename(full, extension), provider: { type: 'javascript', module: full } });
      continue;
    }
    let value: unknown;
    try {
      // yaml is imported only when a data control file is given: most runs never need it.
      const { parse } = await import('yaml');
      value = parse(await readFile(full, 'utf8'));
    } catch (error) {
      throw new UsageError(`cannot read control file ${path}: ${(error as Error).message}`);
    }
    const list = Array.isArray(value) ? value : (value as { controls?: unknown })?.controls;
    if (!Array.isArray(list))
      throw new UsageError(`control file ${path} must hold a list of controls or {controls: [...]}`);
    declarations.push(...(list as ControlDeclaration[]));
  }
  return declarations;
}
