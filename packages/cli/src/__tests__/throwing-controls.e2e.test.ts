import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, tempDir, writeFile } from './cli-harness.js';

const experiment = `version: 1.0.0
title: controls that throw odd values
description: a control may throw anything, not only an Error
method:
  - type: action
    name: noop
    provider: { type: process, path: "true" }
`;

describe('controls that throw null, undefined, a string or an object', () => {
  it.each([['null'], ['undefined'], ["'a string'"], ['{ code: 7 }']])(
    'throw %s from every hook: the run completes, the journal is finished',
    async (thrown) => {
      const dir = tempDir('faultline-controls-');
      writeFile(dir, 'exp.yaml', experiment);
      const hooks = [
        'before_loading_experiment_control',
        'after_loading_experiment_control',
        'configure_control',
        'before_experiment_control',
        'after_experiment_control',
        'before_method_control',
        'after_method_control',
        'before_activity_control',
        'after_activity_control',
        'cleanup_control',
      ];
      writeFile(dir, 'control.mjs', hooks.map((h) => `export function ${h}() { throw ${thrown}; }`).join('\n'));
      const result = await runCli(['run', 'exp.yaml', '--control-file', 'control.mjs', '--no-log-file'], {
        cwd: dir,
      });
      expect(result.stderr).not.toMatch(/This is a bug|TypeError/);
      expect(result.code).toBe(0);
      const journal = JSON.parse(readFileSync(join(dir, 'journal.json'), 'utf8'));
      expect(journal.status).toBe('completed');
      expect(journal.end).toEqual(expect.any(String));
    },
  );
});
