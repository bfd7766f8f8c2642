/**
 * Wait until `check` holds, polling every 20 ms; fail after `timeoutMs` (generous: CI is loaded).
 * The one polling helper of the test suites (vitest's `expect.poll` serves assertions).
 * Tests wait for a condition, never for a fixed time.
 */
export async function until(
  check: () => boolean | Promise<boolean>,
  timeoutMs = 20_000,
  what = 'condition',
): Promise<void> {
  const start = Date.now();
  while (!(await check())) {
    if (Date.now() - start > timeoutMs) throw new Error(`${what} not reached within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
