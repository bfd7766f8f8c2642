/**
 * The explicit event-loop-block assault: freezes the whole process for `ms`, as a synchronous
 * CPU-bound handler would. Atomics.wait sleeps without burning a core.
 */
export function blockEventLoop(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}
