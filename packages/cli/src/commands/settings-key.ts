import { UsageError } from '@faultline/core';

/**
 * Chaos Toolkit's dotted settings keys (`chaos settings get auths.example\.com.type`,
 * `controls[0].name`) → a path for the yaml Document API. A dot inside a name is escaped `\.`.
 */
export function settingsKey(key: string): Array<string | number> {
  const path: Array<string | number> = [];
  for (const part of key.split(/(?<!\\)\./)) {
    const match = /^(.*?)((?:\[\d+\])*)$/.exec(part)!;
    const name = match[1]!.replace(/\\\./g, '.');
    if (!name) throw new UsageError(`invalid settings key "${key}"`, { hint: 'e.g. runtime.rollbacks.strategy' });
    path.push(name);
    for (const index of match[2]!.matchAll(/\[(\d+)\]/g)) path.push(Number(index[1]));
  }
  return path;
}
