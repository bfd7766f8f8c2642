import type { MonkeyLogger } from '../util/monkey-logger.js';
import type { MonkeyStatus } from './monkey-types.js';

/** The master switch and since when it is in its position. */
export interface MonkeySwitch {
  /** Read first on the hot path, so a disabled monkey costs next to nothing. */
  readonly on: boolean;
  set(on: boolean): MonkeyStatus;
  status(): MonkeyStatus;
}

export function createSwitch(initially: boolean, logger: MonkeyLogger): MonkeySwitch {
  let lastToggle: number | null = initially ? Date.now() : null;
  const status = (): MonkeyStatus => {
    const at = lastToggle === null ? null : new Date(lastToggle);
    const on = self.on;
    return {
      enabled: on,
      enabledAt: on ? at : null,
      disabledAt: on ? null : at,
      enabledForMs: on && lastToggle !== null ? Date.now() - lastToggle : null,
      lastToggle,
    };
  };
  const self = {
    on: initially,
    set(on: boolean) {
      if (self.on !== on) {
        self.on = on;
        lastToggle = Date.now();
        logger.info(`Chaos Monkey ${on ? 'enabled' : 'disabled'}`);
      }
      return status();
    },
    status,
  };
  return self;
}
