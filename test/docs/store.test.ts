import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import * as storeModule from '@faultline/store';
import { runShell } from './start-shell.js';
import { blocksOf, fencedBlocks, tally } from './fenced-blocks.js';
import { wrapFragment } from './wrap-fragment.js';

const blocks = fencedBlocks('docs/store.md');

describe('docs/store.md: every example runs as written', () => {
  it('has the blocks this test checks, each marked with its role', () => {
    // the findings lifecycle diagram and the score formula are prose; the formula's constants are checked below
    expect(tally(blocks)).toEqual({ runs: 0, fragment: 1, synopsis: 1, illustrative: 2 });
  });

  it('a declared experiment_id keeps one identity across changes of the method', async () => {
    const cwd = mkdtempSync(join(tmpdir(), 'faultline-store-docs-'));
    const experiment = wrapFragment(blocksOf(blocks, 'fragment')[0]!.code);
    writeFileSync(join(cwd, 'a.yaml'), stringify(experiment));
    const changed = {
      ...experiment,
      method: [{ type: 'probe', name: 'other', provider: { type: 'http', url: 'http://127.0.0.1:9/x' } }],
    };
    writeFileSync(join(cwd, 'b.yaml'), stringify(changed));
    const env = { FAULTLINE_STORE: join(cwd, 'runs.sqlite') };
    const result = await runShell(
      'faultline run a.yaml; faultline run b.yaml; faultline history experiments --output json',
      { cwd, env },
    );
    expect(result.code, result.stderr).toBe(0);
    const listed = JSON.parse(result.stdout.slice(result.stdout.indexOf('\n[') + 1)) as Array<{
      id: string;
      runs: number;
    }>;
    expect(listed).toEqual([expect.objectContaining({ id: 'checkout-payment-latency', runs: 2 })]);
  });

  it('the score formula states the constants the code uses', () => {
    const formula = blocksOf(blocks, 'illustrative')[1]!.code;
    expect(formula).toContain(`over the last ${storeModule.scoreWindow} decisive runs`);
    expect(formula).toContain(`0.5^(i / ${storeModule.scoreHalfLife})`);
    const penalties = Object.fromEntries(
      [...formula.matchAll(/(low|medium|high|critical) ([\d.]+)/g)].map((m) => [m[1], Number(m[2])]),
    );
    expect(penalties).toEqual(storeModule.severityPenalty);
  });

  it('the API listing names functions that exist', async () => {
    const code = blocksOf(blocks, 'synopsis')[0]!.code;
    for (const name of ['openStore', 'resolveStoreUrl'])
      expect(typeof (storeModule as Record<string, unknown>)[name]).toBe('function');
    const store = await storeModule.openStore(join(mkdtempSync(join(tmpdir(), 'faultline-store-api-')), 'runs.sqlite'));
    try {
      const methods = [...code.matchAll(/store\.(\w+)\(/g)].map((m) => m[1]!);
      expect(methods.length).toBeGreaterThanOrEqual(12);
      for (const method of methods)
        expect(typeof (store as unknown as Record<string, unknown>)[method], method).toBe('function');
    } finally {
      await store.close();
    }
  });
});
