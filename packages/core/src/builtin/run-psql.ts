import type { ActivityContext } from '../activity/activity-context.js';
import { ActivityFailedError } from '../errors/faultline-error.js';
import { runProcessProvider } from '../provider/process/index.js';

/**
 * Runs one SQL statement through `psql` (no database driver ships with Faultline) and returns its
 * output; a failure carries the server's message, never the connection's password.
 */
export async function runPsql(
  args: { connection_string: string; query: string; psql_path: string; timeout: number | string },
  ctx: Pick<ActivityContext, 'signal' | 'experimentDir'>,
  extraFlags: string[] = [],
): Promise<{ target: string; status: number; output: string }> {
  const target = redactConnection(args.connection_string);
  const result = await runProcessProvider(
    {
      type: 'process',
      path: args.psql_path,
      arguments: [args.connection_string, '-v', 'ON_ERROR_STOP=1', '-X', '-q', ...extraFlags, '-c', args.query],
      timeout: args.timeout,
    },
    { signal: ctx.signal, cwd: ctx.experimentDir },
  );
  if (result.status !== 0)
    throw new ActivityFailedError(
      `query on ${target} failed: ${redactConnection(result.stderr.trim()) || `psql exited ${result.status}`}`,
    );
  return { target, status: result.status as number, output: result.stdout.trim() };
}

/** postgresql://user:pass@db:5432/mydb → postgresql://user:***@db:5432/mydb */
export function redactConnection(connection: string): string {
  return connection.replace(/(\/\/[^:/@\s]+:)[^@\s]*@/g, '$1***@');
}
