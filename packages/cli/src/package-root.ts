import { createRequire } from 'node:module';
import { dirname } from 'node:path';

/**
 * This package's folder, found by resolving our own name (Node's package self-reference) rather than
 * a path relative to this file: the same code runs from src/ (tests), dist/ (tsc) and bundle/chunks/
 * (esbuild), each at a different depth.
 */
export const cliPackageJsonPath: string = createRequire(import.meta.url).resolve('@faultline/cli/package.json');
export const cliPackageRoot: string = dirname(cliPackageJsonPath);
