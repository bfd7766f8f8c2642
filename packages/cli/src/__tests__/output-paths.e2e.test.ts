import { existsSync, mkdirSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, tempDir, writeFile } from './cli-harness.js';

// A run that touches nothing outside its folder: one process action.
const experiment = `version: 1.0.0
title: paths
description: nothing but an echo
method:
  - type: action
    name: noop
    provider: { type: process, path: echo, arguments: [hello] }
`;

function setup(name = 'exp.yaml') {
  const dir = tempDir('faultline-paths-');
  const path = writeFile(dir, name, experiment);
  return { dir, path };
}

describe('faultline run never overwrites its inputs or a non-regular file', () => {
  it.each([
    ['the journal path is the experiment', ['run', 'exp.yaml', '--journal-path', 'exp.yaml']],
    ['the log file is the experiment', ['run', 'exp.yaml', '--log-file', 'exp.yaml']],
  ])('%s: exit 64, the experiment unchanged', async (_name, args) => {
    const { dir, path } = setup();
    const result = await runCli(args, { cwd: dir });
    expect(result.code).toBe(64);
    expect(result.stderr).toMatch(/also an input of this run/);
    expect(readFileSync(path, 'utf8')).toBe(experiment);
  });

  it('an experiment named journal.json is not overwritten by the default journal path', async () => {
    const { dir, path } = setup('journal.json');
    const result = await runCli(['run', 'journal.json'], { cwd: dir });
    expect(result.code).toBe(64);
    expect(result.stderr).toMatch(/--journal-path|journal path/);
    expect(readFileSync(path, 'utf8')).toBe(experiment);
  });

  it('a journal path equal to a --var-file leaves the var file intact', async () => {
    const { dir } = setup();
    const vars = writeFile(dir, 'vars.json', '{"configuration": {"a": 1}}');
    const result = await runCli(['run', 'exp.yaml', '--var-file', 'vars.json', '--journal-path', 'vars.json'], {
      cwd: dir,
    });
    expect(result.code).toBe(64);
    expect(readFileSync(vars, 'utf8')).toBe('{"configuration": {"a": 1}}');
  });

  it('--journal-path /dev/null runs and leaves /dev/null a character device', async () => {
    const { dir } = setup();
    const result = await runCli(['run', 'exp.yaml', '--journal-path', '/dev/null'], { cwd: dir });
    expect(result.code).toBe(0);
    expect(statSync('/dev/null').isCharacterDevice()).toBe(true);
  });

  it.each([
    ['a directory', (dir: string) => (mkdirSync(join(dir, 'out')), 'out'), /is a directory/],
    ['under a file', (dir: string) => (writeFile(dir, 'plain', 'x'), 'plain/journal.json'), /part of its folder/],
    ['under /proc', () => '/proc/self/journal.json', /under \/proc/],
    ['empty', () => '', /path is empty/],
  ])('a journal path %s is refused with exit 64 and nothing left behind', async (_name, make, message) => {
    const { dir } = setup();
    const before = readdirSync(dir).sort();
    const result = await runCli(['run', 'exp.yaml', `--journal-path=${make(dir)}`, '--no-log-file'], { cwd: dir });
    expect(result.code).toBe(64);
    expect(result.stderr).toMatch(message);
    expect(result.stderr).not.toMatch(/This is a bug|at .*\.js:\d+/);
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    expect(readdirSync(dir).filter((f) => !before.includes(f) && f !== 'out' && f !== 'plain')).toEqual([]);
  });

  it('--metrics-port already in use is a clear error (exit 64), not a crash', async () => {
    const { dir } = setup();
    const busy = createServer();
    await new Promise<void>((resolve) => busy.listen(0, '127.0.0.1', resolve));
    const port = (busy.address() as { port: number }).port;
    try {
      const result = await runCli(['run', 'exp.yaml', '--metrics-port', String(port)], { cwd: dir });
      expect(result.code).toBe(64);
      expect(result.stderr).toMatch(/port .*in use/);
      expect(existsSync(join(dir, 'journal.json'))).toBe(false);
    } finally {
      busy.close();
    }
  });
});
