import { spawnSync } from 'node:child_process';
import { copyFileSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from './cli-harness.js';

// The launcher users run (`npx faultline`, `npx chaos`): bin/faultline.js runs the esbuild bundle
// with its V8 code cache (scripts/bundle.mjs) and falls back to dist/ when the bundle is missing
// or older than a tsc build.
const cliDir = fileURLToPath(new URL('../../', import.meta.url));
const launcher = join(cliDir, 'bin', 'faultline.js');
const bundlePath = join(cliDir, 'bundle', 'faultline.js');
const { bundleStatus } = createRequire(import.meta.url)('../../bin/run-bundle.js') as {
  bundleStatus(
    env?: Record<string, string | undefined>,
    path?: string,
  ): { usable: boolean; reason?: string; cache?: boolean };
};
const version = (JSON.parse(readFileSync(join(cliDir, 'package.json'), 'utf8')) as { version: string }).version;

/** Records, at exit, which script vm compiled (the bundle), whether V8 took its code cache, and every CommonJS module loaded. */
const probeScript = `
const vm = require('node:vm');
const fs = require('node:fs');
const Original = vm.Script;
vm.Script = class extends Original {
  constructor(source, options) {
    super(source, options);
    process.on('exit', () => fs.writeFileSync(process.env.PROBE_OUT, JSON.stringify({ filename: options.filename, cacheRejected: this.cachedDataRejected, modules: Object.keys(require.cache) })));
  }
};
`;

function launch(args: string[], cwd: string, env: Record<string, string> = {}, preload?: string) {
  const result = spawnSync(process.execPath, [...(preload ? ['--require', preload] : []), launcher, ...args], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, FAULTLINE_BUNDLE: undefined, NO_COLOR: '1', ...env },
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** `npm run build` makes the bundle; after a bare `tsc -b` (here or in a concurrent test) it is missing or stale: make it (~2 s). */
function ensureBundle(): void {
  if (!bundleStatus({}).usable) {
    // It warns (and leaves no bundle) rather than failing the build: show why here.
    const build = spawnSync(process.execPath, [join(cliDir, 'scripts', 'bundle.mjs')], { encoding: 'utf8' });
    expect(bundleStatus({}), `scripts/bundle.mjs (exit ${build.status}):\n${build.stderr}`).toMatchObject({
      usable: true,
      cache: true,
    });
  }
  expect(bundleStatus({})).toMatchObject({ usable: true, cache: true });
}

describe('bundled CLI (bin/faultline.js)', () => {
  beforeAll(ensureBundle, 120_000);

  it(
    'runs a process experiment from the bundle and its code cache, loading neither drivers nor yaml',
    { timeout: 60_000 },
    () => {
      const dir = tempDir();
      const preload = join(dir, 'probe.cjs');
      writeFileSync(preload, probeScript);
      const probe = {
        type: 'probe',
        name: 'node runs',
        tolerance: 0,
        provider: { type: 'process', path: process.execPath, arguments: ['-e', '0'] },
      };
      writeFileSync(
        join(dir, 'one-probe.json'),
        JSON.stringify({
          title: 'one probe',
          'steady-state-hypothesis': { title: 'ok', probes: [probe] },
          method: [probe],
        }),
      );
      ensureBundle();
      const run = launch(
        ['--no-log-file', 'run', 'one-probe.json', '--journal-path', 'journal.json'],
        dir,
        { PROBE_OUT: join(dir, 'probe.json') },
        preload,
      );
      expect(run.stderr).toBe('');
      expect(run.code).toBe(0);
      const journal = JSON.parse(readFileSync(join(dir, 'journal.json'), 'utf8')) as {
        status: string;
        deviated: boolean;
        'faultline-version': string;
      };
      expect(journal).toMatchObject({ status: 'completed', deviated: false });
      const seen = JSON.parse(readFileSync(join(dir, 'probe.json'), 'utf8')) as {
        filename: string;
        cacheRejected: boolean;
        modules: string[];
      };
      expect(seen.filename).toBe(bundlePath);
      expect(seen.cacheRejected).toBe(false);
      const loaded = seen.modules.join('\n');
      for (const heavy of [
        '@kubernetes',
        'prom-client',
        'playwright-core',
        `${join('node_modules', 'yaml')}`,
        join('cli', 'dist'),
      ])
        expect(loaded).not.toContain(heavy);
    },
  );

  it('imports user modules and packages (javascript providers) and parses YAML from the bundle', () => {
    const dir = tempDir();
    writeFileSync(
      join(dir, 'probes.mjs'),
      'export async function answer({ value }) { await new Promise((r) => setTimeout(r, 1)); return { value }; }\n',
    );
    writeFileSync(
      join(dir, 'experiment.yaml'),
      [
        'title: javascript providers',
        'method:',
        '  - type: probe',
        '    name: user module',
        '    provider: {type: javascript, module: ./probes.mjs, func: answer, arguments: {value: 42}}',
        '  - type: probe',
        '    name: package',
        '    provider: {type: javascript, module: yaml, func: stringify, arguments: {value: 1}}',
        '',
      ].join('\n'),
    );
    const run = launch(['--no-log-file', 'run', 'experiment.yaml', '--journal-path', 'journal.json'], dir);
    expect(run.code, run.stderr).toBe(0);
    const journal = JSON.parse(readFileSync(join(dir, 'journal.json'), 'utf8')) as {
      run: { status: string; output: unknown }[];
    };
    expect(journal.run.map((entry) => [entry.status, entry.output])).toEqual([
      ['succeeded', { value: 42 }],
      ['succeeded', 'value: 1\n'],
    ]);
  });

  it('answers --version and serves the chaos alias', () => {
    const dir = tempDir();
    expect(launch(['--version'], dir).stdout.trim()).toBe(version);
    const chaos = spawnSync(process.execPath, [join(cliDir, '..', '..', 'node_modules', '.bin', 'chaos'), '--help'], {
      cwd: dir,
      encoding: 'utf8',
    });
    expect(chaos.status).toBe(0);
    expect(chaos.stdout).toMatch(/^Usage: chaos /);
  });

  it('falls back to dist/ with FAULTLINE_BUNDLE=0', () => {
    const dir = tempDir();
    const preload = join(dir, 'probe.cjs');
    writeFileSync(preload, probeScript);
    const run = launch(['--version'], dir, { FAULTLINE_BUNDLE: '0', PROBE_OUT: join(dir, 'probe.json') }, preload);
    expect(run.stdout.trim()).toBe(version);
    expect(() => readFileSync(join(dir, 'probe.json'))).toThrow(); // vm never compiled the bundle
  });

  it('does not trust a bundle older than a tsc build, or a code cache made for another bundle', () => {
    const dir = tempDir();
    const copy = join(dir, 'faultline.js');
    const source = readFileSync(bundlePath, 'latin1');
    const header = JSON.parse(/^\/\/ faultline-bundle (\{.*?\}) /.exec(source)![1]!) as {
      builtAt: number;
      watch: string[];
    };
    writeFileSync(join(dir, 'info'), '');
    writeFileSync(copy, source.replace(JSON.stringify(header), JSON.stringify({ ...header, watch: ['info'] })));
    copyFileSync(`${bundlePath}.cache`, `${copy}.cache`);
    utimesSync(join(dir, 'info'), new Date(header.builtAt - 60_000), new Date(header.builtAt - 60_000));
    expect(bundleStatus({}, copy)).toMatchObject({ usable: true, cache: true });
    utimesSync(join(dir, 'info'), new Date(header.builtAt + 60_000), new Date(header.builtAt + 60_000));
    expect(bundleStatus({}, copy)).toMatchObject({ usable: false, reason: 'stale' });

    utimesSync(join(dir, 'info'), new Date(header.builtAt - 60_000), new Date(header.builtAt - 60_000));
    const cache = readFileSync(`${copy}.cache`);
    cache[0] = cache[0] === 0x30 ? 0x31 : 0x30; // another bundle's hash
    writeFileSync(`${copy}.cache`, cache);
    expect(bundleStatus({}, copy)).toMatchObject({ usable: true, cache: false });
    expect(bundleStatus({}, join(dir, 'none.js'))).toMatchObject({ usable: false, reason: 'missing' });
    expect(bundleStatus({ FAULTLINE_BUNDLE: '0' })).toMatchObject({ usable: false, reason: 'disabled' });
  });
});
