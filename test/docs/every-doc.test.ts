import { existsSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';
import { fencedBlocks, repoRoot } from './fenced-blocks.js';

/** Docs whose examples are executed by tests elsewhere. */
const executedElsewhere: Record<string, string> = {
  'docs/monkey.md': 'packages/monkey/src/docs-examples.test.ts',
  'docs/proxy.md': 'packages/cli/src/commands/proxy-docs.test.ts',
};

/** The test that executes the examples of a doc with fenced blocks: test/docs/<name>.test.ts. */
const testOf = (doc: string) =>
  executedElsewhere[doc] ?? `test/docs/${doc === 'README.md' ? 'readme' : doc.slice(5, -3)}.test.ts`;

describe('every Markdown file with examples has a test that executes them', () => {
  // docs/dashboard.md is kept with the dashboard (packages/server) and its own tests
  const docs = ['README.md', ...readdirSync(`${repoRoot}docs`).map((f) => `docs/${f}`)].filter(
    (doc) => doc.endsWith('.md') && doc !== 'docs/dashboard.md',
  );

  it.each(docs.filter((doc) => fencedBlocks(doc).length > 0))('%s', (doc) => {
    expect(existsSync(repoRoot + testOf(doc)), testOf(doc)).toBe(true);
  });

  it.each(docs)('%s: its illustrative YAML and JSON blocks parse', (doc) => {
    for (const block of fencedBlocks(doc).filter((b) => b.role === 'illustrative' && ['yaml', 'json'].includes(b.lang)))
      for (const document of parseAllDocuments(block.code)) expect(document.errors, `line ${block.line}`).toEqual([]);
  });
});
