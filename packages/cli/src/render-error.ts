import { exitCodes, FaultlineError } from '@faultline/core';

/** Prints an error the way a user can act on it; returns the exit code it maps to. */
export function renderError(error: unknown, out: { write(chunk: string): unknown }, verbose: boolean): number {
  if (error instanceof FaultlineError) {
    out.write(`error: ${error.message}\n`);
    if (error.hint) out.write(`hint: ${error.hint}\n`);
    if (verbose && error.stack) out.write(`${error.stack}\n`);
    return error.exitCode;
  }
  const err = error as Error;
  out.write(`internal error: ${err?.message ?? String(error)}\n`);
  out.write('This is a bug in Faultline; please report it with the command you ran.\n');
  out.write(verbose && err?.stack ? `${err.stack}\n` : 'Run again with --verbose for the stack trace.\n');
  return exitCodes.internal;
}
