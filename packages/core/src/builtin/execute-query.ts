import { z } from 'zod';
import { defineActivity } from '../activity/activity-definition.js';
import { runProcessProvider } from '../provider/process/index.js';
import { ActivityFailedError } from '../errors/faultline-error.js';

/**
 * The seed's `chaosdb.actions.execute_query` (data corruption scenario): runs one SQL statement
 * against PostgreSQL through `psql`, so no database driver ships with Faultline. Honours dry-run.
 * It registers no revert: a corrupting query has no generic inverse, so pair it with a rollback.
 */
export const executeQuery = defineActivity({
  name: 'execute_query',
  type: 'action',
  mutating: true,
  description: 'Run one SQL statement against PostgreSQL (connection string + query) through psql',
  python: ['chaosdb.actions'],
  arguments: z.object({
    connection_string: z.string().min(1),
    query: z.string().min(1),
    psql_path: z.string().default('psql'),
    timeout: z.union([z.number(), z.string()]).default(60),
  }),
  async run(args, ctx) {
    const target = redactConnection(args.connection_string);
    if (ctx.dryRun) return { dry_run: true, target, query: args.query };
    const result = await runProcessProvider(
      {
        type: 'process',
        path: args.psql_path,
        arguments: [args.connection_string, '-v', 'ON_ERROR_STOP=1', '-X', '-q', '-c', args.query],
        timeout: args.timeout,
      },
      { signal: ctx.signal, cwd: ctx.experimentDir },
    );
    if (result.status !== 0)
      throw new ActivityFailedError(
        `query on ${target} failed: ${result.stderr.trim() || `psql exited ${result.status}`}`,
      );
    return { target, status: result.status, output: result.stdout.trim() };
  },
});

/** postgresql://user:pass@db:5432/mydb → postgresql://user:***@db:5432/mydb */
function redactConnection(connection: string): string {
  return connection.replace(/(\/\/[^:/@]+:)[^@]*@/, '$1***@');
}
