import { z } from 'zod';
import { defineActivity } from '../activity/activity-definition.js';
import { ActivityFailedError } from '../errors/faultline-error.js';
import { psqlArguments } from './execute-query.js';
import { runPsql } from './run-psql.js';

/**
 * Runs a SELECT against PostgreSQL and returns its rows as JSON objects (column → value, with
 * PostgreSQL's own JSON typing), so a steady state can check data with a jsonpath tolerance, e.g.
 * `SELECT count(*)::int AS corrupted FROM users WHERE email LIKE 'corrupt-%'` with
 * `path: "$[0].corrupted"`, `expect: 0`. The query runs inside a read-only transaction.
 */
export const queryRows = defineActivity({
  name: 'query_rows',
  type: 'probe',
  description: 'Run a SELECT against PostgreSQL through psql and return its rows as a list of objects',
  python: ['chaosdb.probes'],
  arguments: z.object(psqlArguments),
  async run(args, ctx) {
    const select = args.query.trim().replace(/;+\s*$/, '');
    // jsonb_agg over the query as a subselect: one line of JSON (jsonb prints no newlines) whatever the columns.
    const wrapped = `BEGIN READ ONLY; SELECT coalesce(jsonb_agg(q), '[]'::jsonb) FROM (${select}) q; COMMIT;`;
    const { output } = await runPsql({ ...args, query: wrapped }, ctx, ['-A', '-t']);
    const line = output.split('\n').find((l) => l.startsWith('['));
    if (!line) throw new ActivityFailedError(`query_rows: psql returned no rows document: ${output.slice(0, 200)}`);
    return JSON.parse(line) as Array<Record<string, unknown>>;
  },
});
