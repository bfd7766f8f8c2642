/** Node's timers fire at once past this many milliseconds (a signed 32-bit delay). */
export const maxTimerMs = 2 ** 31 - 1;

export interface LongTimeout {
  clear(): void;
}

/**
 * setTimeout for any delay: a wait longer than Node's timer limit (~24.8 days) runs as a chain of
 * shorter timers instead of firing immediately. Unreferenced timers stay unreferenced.
 */
export function setLongTimeout(callback: () => void, ms: number, options: { unref?: boolean } = {}): LongTimeout {
  let timer: NodeJS.Timeout;
  const arm = (remaining: number) => {
    timer = setTimeout(
      () => (remaining > maxTimerMs ? arm(remaining - maxTimerMs) : callback()),
      Math.min(Math.max(remaining, 0), maxTimerMs),
    );
    if (options.unref) timer.unref();
  };
  arm(ms);
  return { clear: () => clearTimeout(timer) };
}
