import type { Server } from 'node:net';
import type { KillProcessConfig } from '../config/monkey-config.js';
import type { MonkeyLogger } from '../util/monkey-logger.js';

let scheduled = false;

/**
 * Graceful kill, like a pod being terminated: every server the monkey has seen stops accepting
 * connections at once, requests in flight are still answered, and the process exits after
 * `graceMs` with `exitCode`. Scheduled at most once per process.
 */
export function killProcess(servers: Iterable<Server>, config: KillProcessConfig, logger: MonkeyLogger): boolean {
  if (scheduled) return false;
  scheduled = true;
  logger.warn(`Chaos Monkey: killing the process in ${config.graceMs} ms (exit code ${config.exitCode})`);
  for (const server of servers) {
    server.close();
    const http = server as Server & { closeIdleConnections?: () => void };
    http.closeIdleConnections?.();
  }
  setTimeout(() => process.exit(config.exitCode), config.graceMs);
  return true;
}
