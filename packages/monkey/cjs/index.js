'use strict';
// CommonJS entry: `const chaosMonkey = require('@faultline/monkey')` is the factory itself, as in
// the seed; the named exports hang off it (`require('@faultline/monkey').createMonkey`).
const lib = require('./dist/index.js');

const chaosMonkey = lib.chaosMonkey;
for (const [key, value] of Object.entries(lib)) {
  if (key !== 'default' && !(key in chaosMonkey)) Object.defineProperty(chaosMonkey, key, { value, enumerable: true });
}
Object.defineProperty(chaosMonkey, 'chaosMonkey', { value: chaosMonkey, enumerable: true });
Object.defineProperty(chaosMonkey, 'default', { value: chaosMonkey });
module.exports = chaosMonkey;
