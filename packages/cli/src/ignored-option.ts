import type { CliIo } from './cli-io.js';

/**
 * A Chaos Toolkit option that means nothing in Faultline: accepted so pipelines keep working, and
 * said once on stderr so nobody relies on it silently.
 */
export function ignoredOption(io: CliIo, option: string, why: string): void {
  io.stderr.write(`note: ${option} is accepted for Chaos Toolkit compatibility and ignored: ${why}\n`);
}
