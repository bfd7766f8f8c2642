// Bulk rows for the list and trend benchmarks, written with one SQL statement per table (recording
// 100,000 runs one by one would take minutes and measure nothing new). Same columns as the store.
const seedSql = {
  sqlite: (n, experiments) => [
    `with recursive s(i) as (select 0 union all select i + 1 from s where i < ${n - 1})
     insert or ignore into experiments (id, title, tags, source, first_run_at, last_run_at)
     select 'exp-' || (i % ${experiments}), 'Experiment ' || (i % ${experiments}), '["bench"]', null, '2020-01-01T00:00:00.000Z', '2030-01-01T00:00:00.000Z' from s where i < ${experiments}`,
    `with recursive s(i) as (select 0 union all select i + 1 from s where i < ${n - 1})
     insert into runs (id, experiment_id, title, tags, status, outcome, deviated, started_at, ended_at, duration_seconds, exit_code,
       held_ratio, time_to_impact_seconds, time_to_recover_seconds, recorded_by, recorded_on, origin, source, summary, recorded_at)
     select printf('run-%08d', i), 'exp-' || (i % ${experiments}), 'Experiment ' || (i % ${experiments}), '["bench"]', 'completed',
       case when i % 7 = 0 then 'deviated' else 'held' end, case when i % 7 = 0 then 1 else 0 end,
       strftime('%Y-%m-%dT%H:%M:%fZ', 1700000000 + i * 60, 'unixepoch'), null, 30.5, 0, 0.9, 2.5 + (i % 5), 10.0 + (i % 11),
       'bench', 'bench-host', 'run', null, '{"verdict":"held","errors":[],"faults":[],"samples":{"total":0,"held":0,"failed":0}}',
       strftime('%Y-%m-%dT%H:%M:%fZ', 1700000000 + i * 60, 'unixepoch') from s`,
    `insert into run_tags (run_id, tag, started_at) select id, 'bench', started_at from runs`,
  ],
  postgres: (n, experiments) => [
    `insert into experiments (id, title, tags, source, first_run_at, last_run_at)
     select 'exp-' || i, 'Experiment ' || i, '["bench"]', null, '2020-01-01T00:00:00.000Z', '2030-01-01T00:00:00.000Z'
     from generate_series(0, ${experiments - 1}) i`,
    `insert into runs (id, experiment_id, title, tags, status, outcome, deviated, started_at, ended_at, duration_seconds, exit_code,
       held_ratio, time_to_impact_seconds, time_to_recover_seconds, recorded_by, recorded_on, origin, source, summary, recorded_at)
     select 'run-' || lpad(i::text, 8, '0'), 'exp-' || (i % ${experiments}), 'Experiment ' || (i % ${experiments}), '["bench"]', 'completed',
       case when i % 7 = 0 then 'deviated' else 'held' end, case when i % 7 = 0 then 1 else 0 end,
       to_char(to_timestamp(1700000000 + i * 60) at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'), null, 30.5, 0, 0.9,
       2.5 + (i % 5), 10.0 + (i % 11), 'bench', 'bench-host', 'run', null,
       '{"verdict":"held","errors":[],"faults":[],"samples":{"total":0,"held":0,"failed":0}}',
       to_char(to_timestamp(1700000000 + i * 60) at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')
     from generate_series(0, ${n - 1}) i`,
    `insert into run_tags (run_id, tag, started_at) select id, 'bench', started_at from runs`,
    'analyze',
  ],
};

/** Fills a freshly migrated store (through a raw driver connection: `exec(sql)`) with n runs. */
export async function seedRuns(dialect, exec, n, experiments) {
  for (const sql of seedSql[dialect](n, experiments)) await exec(sql);
}
