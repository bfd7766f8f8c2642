// Builds bundle/faultline.js and its V8 code cache from the tsc output (run after `tsc -b`; the root
// `npm run build` does both). Why: a short `faultline run` spent most of its time resolving ~200
// small modules (zod alone is 94) and compiling their source on every start. One file compiled
// from a code cache starts in a fraction of that (bench/cli-startup).
//
// - Bundled: our workspace packages and the pure-JS libraries of the hot path (zod, commander,
//   jsonpath-plus, yaml). External, loaded from node_modules at run time: Node built-ins and
//   everything else, notably the heavy or optional driver dependencies (@kubernetes/client-node,
//   prom-client, playwright-core).
// - CommonJS, so it can be compiled with vm.Script and a code cache (Node 20 has no compile cache
//   for ES modules). Each module of the bundle is still initialised only when first imported, so
//   drivers run no code (and require none of their dependencies) unless an experiment uses them.
// - The file is one function expression, called by bin/run-bundle.js with the CommonJS arguments
//   plus `__faultlineImport`: V8 code caches drop vm.Script's dynamic-import callback, so every
//   `import()` left in the bundle (external packages, user modules) is rewritten to call that
//   function, which does a native import() from bin/.
// - Line 1 is a header: a content hash (the code cache is used only with the bundle it was made
//   from), the build time and the tsc build-info files it was made from (bin/run-bundle.js falls
//   back to dist/ when any is newer, i.e. someone ran tsc since).
// - The code cache is made by running a one-probe YAML experiment with the fresh bundle, so it
//   holds the functions of a real run, not only the top level.
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Script } from 'node:vm';
import ts from 'typescript';
import { stringify } from 'yaml';

const cliDir = fileURLToPath(new URL('..', import.meta.url));
const outDir = join(cliDir, 'bundle');
const bundlePath = join(outDir, 'faultline.js');
const bundled = [/^@faultline\//, /^zod(\/|$)/, /^commander(\/|$)/, /^jsonpath-plus(\/|$)/, /^yaml$/];
const params = ['exports', 'require', 'module', '__filename', '__dirname', '__faultlineImport'];

try {
  await bundle();
} catch (error) {
  // The bundle only makes the CLI start faster; without it bin/faultline.js runs dist/. So the
  // build goes on, saying why (packages/cli's bundle test fails until this is fixed).
  rmSync(bundlePath, { force: true });
  rmSync(`${bundlePath}.cache`, { force: true });
  console.error(`warning: packages/cli/bundle not built, faultline runs from dist/ (slower start): ${error.message}`);
}

async function bundle() {
  const result = await build({
    absWorkingDir: cliDir,
    entryPoints: ['dist/bin/faultline.js'],
    write: false,
    outfile: bundlePath,
    bundle: true,
    format: 'cjs',
    platform: 'node',
    target: 'node20',
    conditions: ['node', 'import', 'default'],
    define: { 'import.meta.url': '__faultlineImportMetaUrl' },
    legalComments: 'none',
    charset: 'ascii',
    metafile: true,
    logLevel: 'silent',
    plugins: [
      {
        name: 'externals',
        setup(b) {
          b.onResolve({ filter: /^[^./]/ }, (args) =>
            bundled.some((re) => re.test(args.path)) ? undefined : { path: args.path, external: true },
          );
        },
      },
      {
        // `import { z } from 'zod'` binds zod's namespace object as a value, so all of zod stays in
        // the bundle, including ~60 locales (600 kB) nobody uses. `import * as z` exposes the same
        // members and lets esbuild keep only those accessed (`z.object` …).
        name: 'zod-namespace',
        setup(b) {
          b.onLoad({ filter: /[\\/]packages[\\/][^\\/]+[\\/]dist[\\/].*\.js$/ }, (args) => {
            const contents = readFileSync(args.path, 'utf8')
              .replace(/^import \{ z \} from 'zod';$/gm, "import * as z from 'zod';")
              // core's loader requires yaml lazily through createRequire (keeps its parser synchronous);
              // a plain require() is the same thing to Node and lets esbuild bundle yaml, so YAML
              // experiments are parsed by code from the code cache too.
              .replaceAll("createRequire(import.meta.url)('yaml')", "require('yaml')");
            // In the bundle import.meta.url is bundle/faultline.js: fine to resolve packages from, wrong
            // for files next to the source (`new URL('../x', import.meta.url)` would point elsewhere).
            const uses = contents.match(/import\.meta\.url/g)?.length ?? 0;
            const viaRequire = contents.match(/createRequire\(import\.meta\.url\)/g)?.length ?? 0;
            if (uses > viaRequire) {
              return {
                errors: [
                  {
                    text: `${args.path} uses import.meta.url to find a file; in the bundle that is bundle/faultline.js. Find package files by resolving the package (packages/cli/src/package-root.ts does).`,
                  },
                ],
              };
            }
            return { contents, loader: 'js' };
          });
        },
      },
    ],
  });
  // A warning here (import.meta other than .url, a require of something missing …) would be a
  // runtime surprise in the bundle only: refuse to build instead.
  if (result.warnings.length) {
    const text = await import('esbuild').then((e) => e.formatMessages(result.warnings, { kind: 'warning' }));
    throw new Error(`esbuild warnings:\n${text.join('\n')}`);
  }

  // esbuild escapes non-ASCII characters in code (charset: 'ascii') but keeps some comments as they
  // are: escape those too, so the file is ASCII and bin/run-bundle.js can read it as a one-byte string.
  const escapeComments = (text) =>
    text.replace(/[^\x00-\x7f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
  const code = escapeComments(rewriteDynamicImports(result.outputFiles[0].text.replace(/^#!.*\n/, '')));
  const body = `(function (${params.join(', ')}) {\n'use strict';\nvar __faultlineImportMetaUrl = require('node:url').pathToFileURL(__filename).href;\n${code}\n})`;
  const header = {
    hash: createHash('sha256').update(body).digest('hex').slice(0, 32),
    builtAt: Date.now(),
    watch: buildInfoFiles(Object.keys(result.metafile.inputs)),
  };
  new Script(body, { filename: bundlePath }); // fail here, not at run time, if it does not compile
  // Written by rename, so a `faultline` starting meanwhile reads the old or the new bundle, never half
  // of one; an old code cache no longer matches the new hash and is ignored until replaced.
  mkdirSync(outDir, { recursive: true });
  writeFileSync(
    `${bundlePath}.${process.pid}.tmp`,
    `// faultline-bundle ${JSON.stringify(header)} (a script run by bin/run-bundle.js, not a module)\n${body}`,
  );
  renameSync(`${bundlePath}.${process.pid}.tmp`, bundlePath);
  makeCodeCache();
}

/** Replaces every remaining `import(x)` call (found by parsing, not by text search) with `__faultlineImport(x)`. */
function rewriteDynamicImports(text) {
  const file = ts.createSourceFile('bundle.js', text, ts.ScriptTarget.Latest, false, ts.ScriptKind.JS);
  const starts = [];
  const visit = (node) => {
    if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword)
      starts.push(node.expression.getStart(file));
    ts.forEachChild(node, visit);
  };
  visit(file);
  let out = text;
  for (const start of starts.sort((a, b) => b - a)) {
    if (out.slice(start, start + 6) !== 'import') throw new Error(`expected import( at ${start}`);
    out = `${out.slice(0, start)}__faultlineImport${out.slice(start + 6)}`;
  }
  return out;
}

/** The tsc build-info file of every workspace package that went into the bundle, relative to bundle/. */
function buildInfoFiles(inputs) {
  const files = new Set();
  for (const input of inputs) {
    const full = resolve(cliDir, input);
    if (full.split(sep).includes('node_modules')) continue;
    let dir = dirname(full);
    while (!existsSync(join(dir, 'package.json')) && dirname(dir) !== dir) dir = dirname(dir);
    const info = join(dir, 'dist', '.tsbuildinfo');
    if (existsSync(info)) files.add(relative(outDir, info).split(sep).join('/'));
  }
  return [...files].sort();
}

function makeCodeCache() {
  const dir = mkdtempSync(join(tmpdir(), 'faultline-bundle-'));
  try {
    const probe = {
      type: 'probe',
      name: 'node starts',
      tolerance: 0,
      provider: { type: 'process', path: process.execPath, arguments: ['-e', '0'] },
    };
    const experiment = {
      title: 'code cache warm-up',
      'steady-state-hypothesis': { title: 'node starts', probes: [probe] },
      method: [{ ...probe, name: 'node starts again' }],
    };
    // YAML, as most experiments are: the cache then holds the YAML parser's code as well.
    writeFileSync(join(dir, 'experiment.yaml'), stringify(experiment));
    const run = spawnSync(
      process.execPath,
      [
        join(cliDir, 'bin', 'faultline.js'),
        '--no-log-file',
        'run',
        'experiment.yaml',
        '--journal-path',
        'journal.json',
      ],
      {
        cwd: dir,
        // HOME: no settings file of the person building may change (or break) the run.
        env: { ...process.env, HOME: dir, FAULTLINE_BUNDLE: 'write-cache', NO_COLOR: '1' },
        encoding: 'utf8',
      },
    );
    if (run.status !== 0 || !existsSync(`${bundlePath}.cache`)) {
      // A bundle that cannot run an experiment must not be picked up by bin/faultline.js (removed by the caller).
      throw new Error(`the warm-up run failed (exit ${run.status}):\n${run.stdout}\n${run.stderr}`);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
