// Runs bundle/faultline.js (made by scripts/bundle.mjs) with its V8 code cache, so the CLI starts
// without resolving ~200 modules and without compiling their source. Returns false, having run
// nothing, whenever the bundle cannot be trusted: the launcher then imports dist/ (tsc output).
'use strict';

const { readFileSync, renameSync, statSync, writeFileSync } = require('node:fs');
const { createRequire } = require('node:module');
const { dirname, join } = require('node:path');
const { pathToFileURL } = require('node:url');
const { Script } = require('node:vm');

const bundlePath = join(__dirname, '..', 'bundle', 'faultline.js');
const cachePath = `${bundlePath}.cache`;

/**
 * Whether the bundle is usable, and why not: 'disabled' (FAULTLINE_BUNDLE=0), 'missing', 'stale'
 * (a package was rebuilt by tsc after the bundle was made). `cache` tells whether a code cache for
 * this very bundle exists (V8 may still reject it, e.g. after a Node upgrade: then it compiles).
 */
function bundleStatus(env = process.env, path = bundlePath) {
  if (env.FAULTLINE_BUNDLE === '0') return { usable: false, reason: 'disabled' };
  let source;
  try {
    // scripts/bundle.mjs writes ASCII only: latin1 makes a one-byte string without UTF-8 decoding.
    source = readFileSync(path, 'latin1');
  } catch {
    return { usable: false, reason: 'missing' };
  }
  const match = /^\/\/ faultline-bundle (\{.*?\}) /.exec(source);
  if (!match) return { usable: false, reason: 'missing' };
  const header = JSON.parse(match[1]);
  for (const file of header.watch) {
    let mtime;
    try {
      mtime = statSync(join(dirname(path), file)).mtimeMs;
    } catch {
      continue; // not there (an installed package): nothing can be newer
    }
    if (mtime > header.builtAt) return { usable: false, reason: 'stale' };
  }
  const tag = Buffer.from(`${header.hash}\n`);
  let cachedData;
  try {
    const cache = readFileSync(`${path}.cache`);
    if (cache.subarray(0, tag.length).equals(tag)) cachedData = cache.subarray(tag.length);
  } catch {
    // no code cache: V8 compiles the source
  }
  return { usable: true, source, tag, cachedData, cache: cachedData !== undefined };
}

/** Runs the CLI from the bundle if it is usable; false if not (then nothing was run). */
function runBundle(env = process.env) {
  let status;
  let script;
  try {
    status = bundleStatus(env);
    if (!status.usable) return false;
    script = new Script(status.source, { filename: bundlePath, cachedData: status.cachedData });
  } catch {
    return false;
  }
  if (env.FAULTLINE_BUNDLE === 'write-cache') {
    // scripts/bundle.mjs: keep the code compiled by a whole run, not only the top level.
    process.once('exit', () => {
      writeFileSync(`${cachePath}.${process.pid}.tmp`, Buffer.concat([status.tag, script.createCachedData()]));
      renameSync(`${cachePath}.${process.pid}.tmp`, cachePath);
    });
  }
  const module = { exports: {} };
  // Code from a V8 code cache loses vm's dynamic-import hook, so the bundle's import() calls
  // (external packages, user modules) come here: a native import() from this file.
  const importModule = async (specifier, options) => {
    const text = String(specifier);
    return import(text.startsWith('.') ? pathToFileURL(join(dirname(bundlePath), text)).href : text, options);
  };
  script.runInThisContext()(
    module.exports,
    createRequire(bundlePath),
    module,
    bundlePath,
    dirname(bundlePath),
    importModule,
  );
  return true;
}

module.exports = { bundleStatus, runBundle };
