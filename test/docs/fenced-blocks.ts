import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const repoRoot = fileURLToPath(new URL('../../', import.meta.url));

/**
 * What a block of the docs is, from the words after its language (```yaml fragment):
 * - none: runs as written (a complete file the test validates or runs, commands the test runs, or
 *   output the test reproduces and compares);
 * - `fragment`: part of a file; the test wraps it into a complete one (wrapFragment) and validates that;
 * - `synopsis`: command usage or an API listing; every command, option and function it names must
 *   exist (synopsisProblems; API names by the doc's test);
 * - `illustrative`: not run (a real cluster, registry or CI system, or output that depends on one);
 *   YAML/JSON ones must still parse.
 */
export type BlockRole = 'runs' | 'fragment' | 'synopsis' | 'illustrative';

export interface FencedBlock {
  /** The language of the info string ('' when there is none). */
  lang: string;
  role: BlockRole;
  /** 1-based line of the opening fence. */
  line: number;
  code: string;
}

const roles = new Set<BlockRole>(['fragment', 'synopsis', 'illustrative']);

/** The fenced blocks of a Markdown file (path relative to the repository), in order. */
export function fencedBlocks(path: string): FencedBlock[] {
  const blocks: FencedBlock[] = [];
  const lines = readFileSync(repoRoot + path, 'utf8').split('\n');
  for (let i = 0; i < lines.length; i++) {
    const open = /^(\s*)(`{3,})\s*([\w-]*)\s*(.*)$/.exec(lines[i]!);
    if (!open) continue;
    const [, indent, fence, lang, rest] = open;
    const words = rest!.trim().split(/\s+/).filter(Boolean);
    const unknown = words.filter((word) => !roles.has(word as BlockRole));
    if (unknown.length > 0) throw new Error(`${path}:${i + 1}: unknown block role ${unknown.join(' ')}`);
    const start = i;
    while (++i < lines.length && !lines[i]!.trim().startsWith(fence!));
    if (i === lines.length) throw new Error(`${path}:${start + 1}: the block is not closed`);
    blocks.push({
      lang: lang!,
      role: (words[0] as BlockRole | undefined) ?? 'runs',
      line: start + 1,
      code: lines
        .slice(start + 1, i)
        .map((line) => line.slice(indent!.length))
        .join('\n'),
    });
  }
  return blocks;
}

/** How many blocks of each role: pinned by each docs test, so a new block cannot go unchecked. */
export function tally(blocks: FencedBlock[]): Record<BlockRole, number> {
  const counts: Record<BlockRole, number> = { runs: 0, fragment: 0, synopsis: 0, illustrative: 0 };
  for (const block of blocks) counts[block.role]++;
  return counts;
}

/** The blocks of one role (and language, when given). */
export function blocksOf(blocks: FencedBlock[], role: BlockRole, lang?: string): FencedBlock[] {
  return blocks.filter((block) => block.role === role && (lang === undefined || block.lang === lang));
}
