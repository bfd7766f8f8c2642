import { runtimeAssaults, type RuntimeAssault } from '../assaults/all-assaults.js';
import { sectionOf } from '../config/default-config.js';
import type { MonkeyConfig } from '../config/monkey-config.js';
import { isCronOff } from '../runtime/cron-expression.js';
import { cronTimer } from '../runtime/cron-timer.js';

type Fire = (assault: RuntimeAssault) => void;

/** The runtime assaults' cron timers, re-armed when a cron changes. */
export interface CronSchedule {
  update(config: MonkeyConfig): void;
  stop(): void;
}

const crons = (config: MonkeyConfig) => runtimeAssaults.map((a) => sectionOf(config, a).cron).join('\n');

export function createCronSchedule(config: MonkeyConfig, fire: Fire): CronSchedule {
  let stops: Array<() => void> = [];
  let armed = '';
  const stop = () => {
    for (const s of stops) s();
    stops = [];
  };
  const arm = (next: MonkeyConfig) => {
    stop();
    armed = crons(next);
    for (const assault of runtimeAssaults) {
      const cron = sectionOf(next, assault).cron;
      if (!isCronOff(cron)) stops.push(cronTimer(cron, () => fire(assault)));
    }
  };
  arm(config);
  return {
    update: (next) => {
      if (crons(next) !== armed) arm(next);
    },
    stop,
  };
}
