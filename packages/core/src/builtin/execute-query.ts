import { z } from 'zod';
import { defineActivity } from '../activity/activity-definition.js';
import { redactConnection, runPsql } from './run-psql.js';

/** Arguments shared by execute_query and query_rows. */
export const psqlArguments = {
  connection_string: z.string().min(1),
  query: z.string().min(1),
  psql_path: z.string().default('psql'),
  timeout: z.union([z.number(), z.string()]).default(60),
};

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
  arguments: z.object(psqlArguments),
  async run(args, ctx) {
    if (ctx.dryRun) return { dry_run: true, target: redactConnection(args.connection_string), query: args.query };
    return runPsql(args, ctx);
  },
});
