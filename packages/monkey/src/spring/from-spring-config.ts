import { MonkeyConfigError } from '../config/monkey-config-error.js';
import type { MonkeyConfigUpdate } from '../config/monkey-config.js';
import { fromAssaultDto } from './assault-properties.js';
import { fromWatcherDto } from './watcher-properties.js';

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Reads a Spring Boot `chaos.monkey` block (as in application.yml, already parsed: the whole
 * document or just `chaos.monkey`) into a monkey update, validated like the actuator's POST bodies,
 * so a Node service can share its Java neighbours' configuration.
 */
export function fromSpringConfig(document: unknown): MonkeyConfigUpdate {
  let block: unknown = document;
  if (isObject(block) && isObject(block.chaos)) block = block.chaos.monkey;
  if (!isObject(block)) throw new MonkeyConfigError(['spring config: expected the chaos.monkey block (an object)']);
  const problems: string[] = [];
  const update: Record<string, unknown> = {};
  for (const key of Object.keys(block)) {
    if (!['enabled', 'assaults', 'watcher', 'watchers', 'togglePrefix'].includes(key))
      problems.push(`chaos.monkey.${key}: unknown field`);
  }
  if (block.enabled !== undefined) {
    if (typeof block.enabled === 'boolean') update.enabled = block.enabled;
    else problems.push('chaos.monkey.enabled: must be true or false');
  }
  if (block.assaults !== undefined) {
    if (!isObject(block.assaults)) problems.push('chaos.monkey.assaults: must be an object');
    else {
      const read = fromAssaultDto(block.assaults);
      problems.push(...read.problems.map((p) => `chaos.monkey.assaults.${p.field}: ${p.defaultMessage}`));
      Object.assign(update, read.update);
    }
  }
  const watcher = block.watcher ?? block.watchers;
  if (watcher !== undefined) {
    if (!isObject(watcher)) problems.push('chaos.monkey.watcher: must be an object');
    else {
      const read = fromWatcherDto(watcher);
      problems.push(...read.problems.map((p) => `chaos.monkey.watcher.${p.field}: ${p.defaultMessage}`));
      Object.assign(update, read.update);
    }
  }
  if (problems.length > 0)
    throw new MonkeyConfigError(problems, "the block follows Chaos Monkey for Spring Boot's chaos.monkey properties");
  return update as MonkeyConfigUpdate;
}
