import { createRequire as __cr } from 'module'; const require = __cr(import.meta.url);

// packages/cli/dist/version.js
import { readFileSync } from "node:fs";
var faultlineVersion = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8")).version;

export {
  faultlineVersion
};
