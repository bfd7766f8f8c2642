import { copyFileSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Command } from 'commander';
import { beforeEach, describe, expect, it } from 'vitest';
import type { CliIo } from '../cli-io.js';
import { registerReportCommand, splitReportArguments } from './report.js';

const fixtures = fileURLToPath(new URL('../../../report/src/__fixtures__/', import.meta.url));

async function report(args: string[], cwd: string) {
  let stdout = '';
  let stderr = '';
  const io: CliIo = {
    stdout: {
      write: (chunk: string) => {
        stdout += chunk;
      },
    },
    stderr: {
      write: (chunk: string) => {
        stderr += chunk;
      },
    },
    env: {},
    cwd,
    setExitCode: () => {},
    onSignal: () => () => {},
  };
  const program = new Command().exitOverride().configureOutput({
    writeOut: (s) => {
      stdout += s;
    },
    writeErr: (s) => {
      stderr += s;
    },
  });
  registerReportCommand(program, io);
  program.commands.forEach((c) => c.exitOverride());
  try {
    await program.parseAsync(['report', ...args], { from: 'user' });
    return { stdout, stderr, error: undefined };
  } catch (error) {
    return { stdout, stderr, error: error as Error & { code?: string; hint?: string } };
  }
}

describe('faultline report', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'faultline-report-'));
    copyFileSync(join(fixtures, 'completed.json'), join(dir, 'results.json'));
    copyFileSync(join(fixtures, 'chaostoolkit.json'), join(dir, 'journal.json'));
  });

  it('runs the seed command verbatim: HTML on stdout', async () => {
    const { stdout, error } = await report(['--export-format=html', 'results.json'], dir);
    expect(error).toBeUndefined();
    expect(stdout.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(stdout).toContain('Pod Failure Resilience');
  });

  it('writes to a last argument that does not exist yet, and picks the format from its extension', async () => {
    const { stderr, error } = await report(['results.json', 'journal.json', 'summary.md'], dir);
    expect(error).toBeUndefined();
    expect(stderr).toContain('markdown report of 2 runs written to summary.md');
    expect(readFileSync(join(dir, 'summary.md'), 'utf8')).toMatch(/^# Faultline: 2 runs of 2 experiments/);
  });

  it('overwrites an existing report given last, and takes every other existing file as a journal', async () => {
    writeFileSync(join(dir, 'report.xml'), 'old');
    await report(['--export-format=junit', 'results.json', 'journal.json', 'report.xml'], dir);
    expect(readFileSync(join(dir, 'report.xml'), 'utf8')).toMatch(
      /^<\?xml[\s\S]*<testsuite name="Pod Failure Resilience"[\s\S]*<testsuite name="Pod Resilience Experiment"/,
    );
    const { stdout } = await report(['--export-format=json', 'results.json', 'journal.json'], dir);
    expect((JSON.parse(stdout) as { runs: unknown[] }).runs).toHaveLength(2);
  });

  it('never writes the report over one of its journals', async () => {
    const before = readFileSync(join(dir, 'results.json'), 'utf8');
    const { error } = await report(['results.json', '--output', 'results.json'], dir);
    expect(error).toMatchObject({ exitCode: 64, message: expect.stringMatching(/also an input/) });
    expect(readFileSync(join(dir, 'results.json'), 'utf8')).toBe(before);
  });

  it('explains a missing journal, an unknown format and a PDF without an output', async () => {
    expect((await report(['nope.json'], dir)).error).toMatchObject({
      code: 'E_REPORT_JOURNAL',
      message: 'cannot read journal nope.json: no such file',
    });
    expect((await report(['--export-format=docx', 'results.json'], dir)).error).toMatchObject({
      code: 'E_REPORT_FORMAT',
      hint: expect.stringContaining('html, markdown, json, junit, pdf'),
    });
    expect((await report(['--export-format=pdf', 'results.json'], dir)).error).toMatchObject({
      code: 'E_REPORT_OUTPUT',
    });
    expect(existsSync(join(dir, 'nope.json'))).toBe(false);
  });

  it('documents how the output argument is recognised', async () => {
    const { stdout } = await report(['--help'], dir);
    expect(stdout).toContain('The last argument is taken');
    expect(stdout).toContain('chaos report --export-format=html results.json > experiment-report.html');
  });
});

describe('splitReportArguments', () => {
  const dir = mkdtempSync(join(tmpdir(), 'faultline-split-'));
  writeFileSync(join(dir, 'a.json'), '{}');
  writeFileSync(join(dir, 'b.json'), '{}');
  writeFileSync(join(dir, 'old.html'), '');

  it.each([
    [['a.json'], { journals: ['a.json'], output: undefined }],
    [['missing.json'], { journals: ['missing.json'], output: undefined }],
    [['a.json', 'b.json'], { journals: ['a.json', 'b.json'], output: undefined }],
    [['a.json', 'out.html'], { journals: ['a.json'], output: 'out.html' }],
    [['a.json', 'b.json', 'old.html'], { journals: ['a.json', 'b.json'], output: 'old.html' }],
  ])('%j', (paths, expected) => {
    expect(splitReportArguments(paths, dir)).toEqual(expected);
  });

  it('lets --output win', () => {
    expect(splitReportArguments(['a.json', 'new.json'], dir, 'x.html')).toEqual({
      journals: ['a.json', 'new.json'],
      output: 'x.html',
    });
  });
});
