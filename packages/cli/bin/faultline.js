#!/usr/bin/env node
// Committed launcher: npm links bins at install time, before the build creates dist/,
// so the bin must be a file that always exists. The CLI itself is compiled to dist/.
import '../dist/bin/faultline.js';
