/**
 * The message of anything thrown: user code (controls, javascript activities) may throw `null`,
 * `undefined`, a string or a plain object, not only an Error.
 */
export function errorMessage(error: unknown): string {
  if (error instanceof Error) return error.message;
  if (typeof error === 'object' && error !== null && typeof (error as { message?: unknown }).message === 'string')
    return (error as { message: string }).message;
  if (typeof error === 'string') return error;
  try {
    return `${JSON.stringify(error) ?? String(error)} was thrown`;
  } catch {
    return `${String(error)} was thrown`;
  }
}
