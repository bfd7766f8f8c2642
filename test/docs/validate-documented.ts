import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { stringify } from 'yaml';
import type { CliResult } from '../../packages/cli/src/__tests__/cli-harness.js';
import { runShell } from './start-shell.js';
import { wrapFragment } from './wrap-fragment.js';
import type { FencedBlock } from './fenced-blocks.js';

/** Writes `files` (path → content) under `dir`. */
export function writeFiles(dir: string, files: Record<string, string>): void {
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
}

/**
 * `faultline validate` on a documented experiment block — as written, or wrapped (wrapFragment)
 * when it is a fragment — beside the files it names, with the environment it reads.
 */
export async function validateDocumented(
  block: FencedBlock,
  options: { files?: Record<string, string>; env?: Record<string, string> } = {},
): Promise<CliResult & { text: string }> {
  const cwd = mkdtempSync(join(tmpdir(), 'faultline-docs-validate-'));
  writeFiles(cwd, options.files ?? {});
  const text = block.role === 'fragment' ? stringify(wrapFragment(block.code)) : block.code;
  writeFileSync(join(cwd, `experiment.${block.lang === 'json' ? 'json' : 'yaml'}`), text);
  const result = await runShell(`faultline validate experiment.${block.lang === 'json' ? 'json' : 'yaml'}`, {
    cwd,
    env: options.env,
    flags: [],
  });
  return { ...result, text };
}
