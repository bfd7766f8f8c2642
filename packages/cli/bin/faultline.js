#!/usr/bin/env node
// Committed launcher: npm links bins at install time, before the build creates dist/ and bundle/,
// so the bin must be a file that always exists. It runs the bundled CLI (fast start, see
// run-bundle.js) when it is there and up to date, else the tsc output in dist/.
// FAULTLINE_BUNDLE=0 forces dist/. CommonJS (bin/package.json): Node then starts without its
// ES module loader, a few ms saved on every command.
'use strict';

if (!require('./run-bundle.js').runBundle()) import('../dist/bin/faultline.js');
