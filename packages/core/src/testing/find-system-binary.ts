import { accessSync, constants } from 'node:fs';
import { delimiter, join } from 'node:path';

/**
 * Locate a Debian-installed tool (prometheus, chromium, haproxy, wrk) for tests that need it.
 * Returns its path, or undefined after a loud warning so a developer's machine skips those tests.
 * In CI (`FAULTLINE_REQUIRE_SYSTEM_DEPS=1`, set by .ci/run) a missing tool throws instead,
 * so those tests can never be skipped silently there.
 */
export function findSystemBinary(name: string, extraPaths: string[] = []): string | undefined {
  const dirs = [...(process.env.PATH ?? '').split(delimiter), '/usr/bin', '/usr/sbin', '/usr/local/bin'];
  for (const candidate of [...extraPaths, ...dirs.map((dir) => join(dir, name))]) {
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {
      // keep looking
    }
  }
  const message = `${name} is not installed: tests that need it are SKIPPED (apt-get install ${name})`;
  if (process.env.FAULTLINE_REQUIRE_SYSTEM_DEPS === '1')
    throw new Error(`${message}; FAULTLINE_REQUIRE_SYSTEM_DEPS=1 forbids skipping`);
  process.stderr.write(`\n!!! ${message}\n`);
  return undefined;
}
