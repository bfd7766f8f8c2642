/** The longest wait one Node timer can do; longer ones fire after 1 ms instead. */
const maxTimerMs = 2 ** 31 - 1;

/**
 * `setTimeout` for any duration: waits longer than a timer can hold are done in chunks. Returns
 * the function that cancels it. The timers are unref'd when `unref` is true. (@faultline/core's
 * setLongTimeout does the same; the monkey ships in services without any dependency, so not that.)
 */
export function longTimeout(
  fire: () => void,
  ms: number,
  options: { unref?: boolean; chunkMs?: number } = {},
): () => void {
  const chunk = options.chunkMs ?? maxTimerMs;
  const due = Date.now() + ms;
  let timer: NodeJS.Timeout | undefined;
  const arm = (wait: number) => {
    timer = setTimeout(
      () => {
        const left = due - Date.now();
        if (left > 0 && wait === chunk) arm(Math.min(left, chunk));
        else fire();
      },
      Math.max(0, wait),
    );
    if (options.unref) timer.unref();
  };
  arm(Math.min(ms, chunk));
  return () => clearTimeout(timer);
}
