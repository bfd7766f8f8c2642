import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { bool, duration, fraction, string } from '../config/field-kind.js';
import { cronProblems } from '../runtime/cron-expression.js';
import { springBool, springCron, springMaxInt, springNumber } from '../spring/spring-property.js';
import type { MonkeyLogger } from '../util/monkey-logger.js';
import { defineAssault } from './assault.js';
import type { RuntimeAssaultRun } from './runtime-assault-run.js';

export type CpuConfig = {
  enabled: boolean;
  holdMs: number;
  targetFraction: number;
  cron: string;
};

// Each worker alternates busy and idle slices of 100 ms so its core runs at `target` load.
const workerSource = `
const { workerData } = require('node:worker_threads');
const sleeper = new Int32Array(new SharedArrayBuffer(4));
const end = Date.now() + workerData.holdMs;
const busyMs = 100 * workerData.target;
while (Date.now() < end) {
  const sliceEnd = Date.now() + busyMs;
  while (Date.now() < sliceEnd) { /* burn */ }
  const idle = 100 - busyMs;
  if (idle > 0) Atomics.wait(sleeper, 0, 0, idle);
}
`;

/**
 * Loads every core to `targetFraction` for `holdMs` from worker threads, so the event loop itself
 * stays free (the service slows down because its cores are busy, not because it is blocked).
 */
export function cpuAssault(config: CpuConfig, logger: MonkeyLogger, cores = availableParallelism()): RuntimeAssaultRun {
  logger.warn(
    `Chaos Monkey: CPU assault loading ${cores} cores to ${config.targetFraction * 100}% for ${config.holdMs} ms`,
  );
  const workers = Array.from(
    { length: cores },
    () =>
      new Worker(workerSource, { eval: true, workerData: { holdMs: config.holdMs, target: config.targetFraction } }),
  );
  let running = workers.length;
  let finish!: () => void;
  const done = new Promise<void>((resolve) => {
    finish = resolve;
  });
  for (const w of workers) {
    w.unref();
    w.once('exit', () => {
      if (--running === 0) finish();
    });
    w.once('error', (e) => logger.warn(`Chaos Monkey: CPU worker failed: ${e.message}`));
  }
  return {
    stop() {
      for (const w of workers) void w.terminate();
    },
    done,
    held: () => running,
  };
}

/** Busy cores: the service slows down as under a noisy neighbour, its event loop stays free. */
export const cpu = defineAssault<CpuConfig, 'cpu'>({
  section: 'cpu',
  name: 'cpu',
  description: 'Loads every core to targetFraction from worker threads for holdMs.',
  defaults: { enabled: false, holdMs: 90_000, targetFraction: 0.9, cron: 'OFF' },
  fields: { enabled: bool, holdMs: duration(), targetFraction: fraction(0.1, 1), cron: string },
  spring: [
    springBool('cpuActive', 'enabled'),
    springNumber('cpuMillisecondsHoldLoad', 'holdMs', { min: 1500, max: springMaxInt, integer: true }),
    springNumber('cpuLoadTargetFraction', 'targetFraction', { min: 0.1, max: 1, integer: false }),
    springCron('cpuCronExpression', 'cron'),
  ],
  check: (c, at) => cronProblems(c.cron, at),
  start: (c, { logger }) => cpuAssault(c, logger),
});
