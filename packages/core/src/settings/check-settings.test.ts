import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadSettings } from './load-settings.js';

function settingsFile(text: string): string {
  const path = join(mkdtempSync(join(tmpdir(), 'faultline-settings-')), 'settings.yaml');
  writeFileSync(path, text);
  return path;
}

describe('settings the engine reads are checked when loaded', () => {
  it.each([
    ['runtime:\n  rollbacks:\n    strategy: sometimes\n', /runtime\.rollbacks\.strategy is "sometimes"/],
    ['runtime:\n  hypothesis:\n    strategy: sometimes\n', /runtime\.hypothesis\.strategy is "sometimes"/],
    ['runtime: 3\n', /runtime must be a mapping/],
    ['dry_run: maybe\n', /dry_run must be true or false/],
  ])('%j is invalid input (exit 64) naming the key', async (text, message) => {
    await expect(loadSettings(settingsFile(text))).rejects.toMatchObject({ exitCode: 64, message });
  });

  it('accepts every documented strategy (and Chaos Toolkit\'s "continously" spelling)', async () => {
    const text = 'runtime:\n  rollbacks: {strategy: deviated}\n  hypothesis: {strategy: continously}\ndry_run: true\n';
    await expect(loadSettings(settingsFile(text))).resolves.toMatchObject({ settings: { dry_run: true } });
  });
});
