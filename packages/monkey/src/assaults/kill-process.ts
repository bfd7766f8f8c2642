import type { Server } from 'node:net';
import { bool, duration, int, probability, string } from '../config/field-kind.js';
import { cronProblems } from '../runtime/cron-expression.js';
import { springBool, springCron, springMaxInt, springNumber, springProbability } from '../spring/spring-property.js';
import type { MonkeyLogger } from '../util/monkey-logger.js';
import { longTimeout } from '../util/long-timeout.js';
import { defineAssault } from './assault.js';
import type { RuntimeAssaultRun } from './runtime-assault-run.js';

export type KillProcessConfig = {
  enabled: boolean;
  probability: number | null;
  exitCode: number;
  /** Time between "stop accepting connections" and process exit, so in-flight requests are answered. */
  graceMs: number;
  /** Spring cron expression (6 fields, or 5) or "OFF". */
  cron: string;
};

let scheduled = false;

/**
 * Graceful kill, like a pod being terminated: every server the monkey has seen stops accepting
 * connections at once, requests in flight are still answered, and the process exits after
 * `graceMs` with `exitCode`. Scheduled at most once per process.
 */
export function scheduleKill(servers: Iterable<Server>, config: KillProcessConfig, logger: MonkeyLogger): boolean {
  if (scheduled) return false;
  scheduled = true;
  logger.warn(`Chaos Monkey: killing the process in ${config.graceMs} ms (exit code ${config.exitCode})`);
  for (const server of servers) {
    server.close();
    const http = server as Server & { closeIdleConnections?: () => void };
    http.closeIdleConnections?.();
  }
  longTimeout(() => process.exit(config.exitCode), config.graceMs);
  return true;
}

/** A kill, once scheduled, cannot be taken back: its run is over at once. */
const scheduledKill: RuntimeAssaultRun = { stop() {}, done: Promise.resolve(), held: () => 0 };

export const killProcess = defineAssault<KillProcessConfig, 'killProcess'>({
  section: 'killProcess',
  name: 'killProcess',
  description: 'Stops the servers accepting, answers requests in flight, then exits the process.',
  defaults: { enabled: false, probability: null, exitCode: 1, graceMs: 1000, cron: 'OFF' },
  fields: { enabled: bool, probability, exitCode: int(0, 255), graceMs: duration(), cron: string },
  spring: [
    springBool('killApplicationActive', 'enabled'),
    springCron('killApplicationCronExpression', 'cron'),
    springProbability('killApplicationProbability', 'probability'),
    springNumber('killApplicationExitCode', 'exitCode', { min: 0, max: 255, integer: true }, true),
    springNumber('killApplicationGraceMilliseconds', 'graceMs', { min: 0, max: springMaxInt, integer: true }, true),
  ],
  check: (c, at) => cronProblems(c.cron, at),
  attack(c, { servers, logger }) {
    scheduleKill(servers, c, logger);
    return undefined;
  },
  start: (c, { servers, logger }) => (scheduleKill(servers, c, logger) ? scheduledKill : undefined),
});
