import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { startFakeApiServer } from '@faultline/kubernetes/testing';
import { replayTranscript } from './replay-transcript.js';
import { runShell } from './start-shell.js';
import { blocksOf, fencedBlocks, tally } from './fenced-blocks.js';
import { wrapFragment } from './wrap-fragment.js';

const blocks = fencedBlocks('docs/settings.md');
const [transcript] = blocksOf(blocks, 'runs', 'text');
const [keys, safeguards] = blocksOf(blocks, 'runs', 'yaml');

/** A folder with settings.yaml and a HOME of its own (no settings file there). */
function folder(settings: string): string {
  const cwd = mkdtempSync(join(tmpdir(), 'faultline-settings-docs-'));
  mkdirSync(join(cwd, 'home'));
  writeFileSync(join(cwd, 'settings.yaml'), settings);
  return cwd;
}

describe('docs/settings.md: every example runs as written', () => {
  it('has the blocks this test checks, each marked with its role', () => {
    expect(tally(blocks)).toEqual({ runs: 3, fragment: 0, synopsis: 0, illustrative: 0 });
  });

  it('`faultline settings` prints what the doc shows (its "..." standing for the rest)', async () => {
    const cwd = folder(keys!.code);
    const [withFile, without] = await replayTranscript(transcript!.code, { cwd, env: { HOME: join(cwd, 'home') } });
    const shown = withFile!.documented.slice(0, withFile!.documented.indexOf('...'));
    expect(withFile!.actual.slice(0, shown.length)).toEqual(shown);
    expect(without!.actual).toEqual(without!.documented);
  });

  for (const block of [keys!, safeguards!])
    it(`the settings at line ${block.line} are read as written (tokens masked)`, async () => {
      const cwd = folder(block.code);
      const result = await runShell('faultline --settings settings.yaml settings --json', { cwd, flags: [] });
      expect(result.code, result.stderr).toBe(0);
      const expected = parse(block.code) as { auth?: Record<string, { value: string }> };
      for (const entry of Object.values(expected.auth ?? {})) entry.value = '***';
      expect(JSON.parse(result.stdout)).toEqual({ path: 'settings.yaml', settings: expected });
    });

  it('the guards refuse a context they do not allow before anything runs', async () => {
    const cluster = await startFakeApiServer(); // its kubeconfig's context: faultline-fake
    try {
      const cwd = folder(safeguards!.code);
      const terminate = blocksOf(fencedBlocks('docs/kubernetes.md'), 'fragment')[0]!.code.replace('production', 'shop');
      writeFileSync(join(cwd, 'experiment.yaml'), stringify(wrapFragment(terminate)));
      const env = { KUBECONFIG: cluster.writeKubeConfig() };
      const result = await runShell('faultline --settings settings.yaml run experiment.yaml', { cwd, env, flags: [] });
      expect(result.code).toBe(64);
      expect(result.stderr).toMatch(/faultline-fake.*not in guards\.kubernetes\.allowed_contexts/);
      expect(cluster.requestsMatching('DELETE', '/api/v1/')).toEqual([]);
    } finally {
      await cluster.close();
    }
  });
});
