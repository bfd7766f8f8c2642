import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { experiment, makeJournal } from './__fixtures__/make-journal.js';
import { openPostgresDriver } from './driver/postgres-driver.js';
import { openSqliteDriver } from './driver/sqlite-driver.js';
import { migrationSql, migrations } from './migrations.js';
import { openStore } from './open-store.js';
import { isPostgresUrl } from './store-url.js';
import { flushQueue, queueRecord } from './record-queue.js';
import type { Store } from './store.js';

const minutes = (n: number) => new Date(Date.UTC(2026, 0, 1) + n * 60_000).toISOString();

/** The store's behaviour, run against every backend (store.test.ts). `fresh` gives an empty store's URL. */
export function storeContract(backend: string, fresh: () => string | Promise<string>): void {
  describe(`store on ${backend}`, () => {
    const open: Store[] = [];
    const newStore = async () => {
      const store = await openStore(await fresh());
      open.push(store);
      return store;
    };
    afterEach(async () => {
      for (const store of open.splice(0)) await store.close();
    });

    it('records a run with its journal, once per run id, and migrates once', async () => {
      const url = await fresh();
      const store = await openStore(url);
      open.push(store);
      const journal = makeJournal({ start: minutes(1) });
      const first = await store.recordRun({ journal, exitCode: 0, who: 'alice', where: 'ci-1', source: '/x/exp.yaml' });
      expect(first.added).toBe(true);
      expect(first.run).toMatchObject({ outcome: 'held', tags: ['checkout', 'payments'], who: 'alice', exitCode: 0 });
      expect((await store.recordRun({ journal })).added).toBe(false);
      const again = await openStore(url); // migrations already applied: opening again changes nothing
      open.push(again);
      const run = await again.getRun(journal.faultline.run_id.slice(0, 8));
      expect(run.journal).toEqual(journal);
      expect(run.summary.verdict).toMatch(/held/);
      expect(run).toMatchObject({ where: 'ci-1', source: '/x/exp.yaml', startedAt: minutes(1) });
      expect((await again.listRuns()).runs).toHaveLength(1);
      await expect(again.getRun('nope-nope')).rejects.toThrow(/no run "nope-nope"/);
    });

    it('applies each migration once, and refuses a schema newer than it knows', async () => {
      const url = await fresh();
      const opened = await Promise.all([openStore(url), openStore(url), openStore(url)]);
      await Promise.all(opened.map((s) => s.close()));
      const db = isPostgresUrl(url) ? await openPostgresDriver(url) : openSqliteDriver(url);
      try {
        expect(await db.all('select version from faultline_migrations')).toEqual(
          migrations.map((m) => ({ version: m.version })),
        );
        await db.run('insert into faultline_migrations (version, name, applied_at) values (?, ?, ?)', [
          999,
          'from the future',
          new Date().toISOString(),
        ]);
      } finally {
        await db.close();
      }
      await expect(openStore(url)).rejects.toMatchObject({ code: 'E_STORE_SCHEMA' });
    });

    it('lists runs newest first with filters and key paging', async () => {
      const store = await newStore();
      const other = experiment({ title: 'Cart survives a pod kill', tags: ['cart'] });
      other.method = [{ type: 'action', name: 'kill-pod', provider: { type: 'process', path: 'true' } }];
      for (let i = 0; i < 25; i++) {
        await store.recordRun({
          journal: makeJournal({ start: minutes(i), deviated: i % 5 === 0, experiment: i % 2 ? other : undefined }),
        });
      }
      const seen: string[] = [];
      let cursor: string | undefined;
      do {
        const page = await store.listRuns({ limit: 10, cursor });
        seen.push(...page.runs.map((r) => r.startedAt));
        cursor = page.nextCursor;
      } while (cursor);
      expect(seen).toEqual(Array.from({ length: 25 }, (_, i) => minutes(24 - i)));
      expect((await store.listRuns({ tag: 'cart' })).runs).toHaveLength(12);
      expect((await store.listRuns({ outcome: 'deviated' })).runs.map((r) => r.startedAt)).toEqual(
        [20, 15, 10, 5, 0].map(minutes),
      );
      expect((await store.listRuns({ since: minutes(20), until: minutes(22) })).runs).toHaveLength(2);
      expect((await store.listRuns({ experiment: 'cart survives a pod kill' })).runs).toHaveLength(12);
      const experiments = await store.listExperiments();
      expect(experiments.map((e) => [e.title, e.runs])).toEqual([
        ['Checkout survives payment latency', 13],
        ['Cart survives a pod kill', 12],
      ]);
      expect((await store.listRuns({ experiment: experiments[1]!.id.slice(0, 6) })).runs).toHaveLength(12);
    });

    it('proposes a finding on deviation, then verifies and regresses it as runs are recorded', async () => {
      const store = await newStore();
      const deviated = await store.recordRun({ journal: makeJournal({ deviated: true, start: minutes(1) }) });
      expect(deviated.proposed).toMatchObject({
        state: 'open',
        proposed: true,
        fault: 'inject-latency',
        title: 'Checkout survives payment latency: can-place-order deviated',
        description: 'can-place-order: got 503, expected 200',
        runId: deviated.run.id,
      });
      const id = deviated.proposed!.id;
      // deviating again while open: evidence, not a second finding
      const again = await store.recordRun({ journal: makeJournal({ deviated: true, start: minutes(2) }) });
      expect(again.proposed).toBeUndefined();
      expect(await store.listFindings()).toHaveLength(1);

      await expect(store.updateFinding(id, { state: 'fixed' })).rejects.toThrow(/without a link to the fix/);
      const fixed = await store.updateFinding(id, {
        state: 'fixed',
        fixLink: 'https://git.example/pr/7',
        owner: 'payments-team',
        severity: 'high',
      });
      expect(fixed).toMatchObject({ state: 'fixed', proposed: false, owner: 'payments-team', severity: 'high' });

      const held = await store.recordRun({ journal: makeJournal({ start: minutes(3) }) });
      expect(held.transitions.map((t) => [t.finding.id, t.from, t.to])).toEqual([[id, 'fixed', 'verified']]);
      const failed = await store.recordRun({ journal: makeJournal({ start: minutes(4), status: 'failed' }) });
      expect(failed.transitions).toEqual([]);
      const regressed = await store.recordRun({ journal: makeJournal({ deviated: true, start: minutes(5) }) });
      expect(regressed.transitions.map((t) => [t.from, t.to])).toEqual([['verified', 'regressed']]);
      expect(regressed.proposed).toBeUndefined();

      const detail = await store.getFinding(id);
      expect(detail.events.map((e) => `${e.from ?? '-'}>${e.to}`)).toEqual([
        '->open',
        'open>open',
        'open>fixed',
        'fixed>verified',
        'verified>regressed',
      ]);
      expect(await store.listFindings({ state: 'regressed', tag: 'payments' })).toHaveLength(1);
      expect(await store.listFindings({ state: 'open' })).toHaveLength(0);
      await expect(store.getFinding(99)).rejects.toThrow(/no finding #99/);

      const manual = await store.addFinding({
        experimentId: 'Checkout survives payment latency',
        title: 'Retries amplify load',
        severity: 'low',
      });
      expect(manual).toMatchObject({ state: 'open', proposed: false, severity: 'low' });
      await expect(
        store.addFinding({ experimentId: deviated.run.experimentId, title: 'x', severity: 'urgent' as never }),
      ).rejects.toThrow(/unknown severity/);
    });

    it('computes trends and the resilience score per experiment and per tag', async () => {
      const store = await newStore();
      const outcomes = [false, false, true, false, false, false];
      for (const [i, deviated] of outcomes.entries())
        await store.recordRun({ journal: makeJournal({ deviated, start: minutes(i) }) });
      const t = await store.trend({ experiment: 'Checkout survives payment latency' });
      expect(t.points.map((p) => p.outcome)).toEqual(outcomes.map((d) => (d ? 'deviated' : 'held')));
      expect(t.passRate).toBeCloseTo(5 / 6);
      expect(t.score.openFindings).toBe(1); // the deviated run proposed one (medium)
      expect(t.score.findingsFactor).toBeCloseTo(0.9);
      expect(t.score.value).toBeGreaterThan(70);
      expect(t.score.value).toBeLessThan(90);
      const byTag = await store.trend({ tag: 'payments' }, { limit: 3 });
      expect(byTag.points).toHaveLength(3);
      expect(byTag.score.value).toBe(90);
    });

    it('prunes old runs but keeps those that evidence a finding', async () => {
      const store = await newStore();
      const evidence = await store.recordRun({ journal: makeJournal({ deviated: true, start: minutes(0) }) });
      for (let i = 1; i < 5; i++) await store.recordRun({ journal: makeJournal({ start: minutes(i) }) });
      expect(await store.prune(minutes(3), { dryRun: true })).toEqual({ deleted: 2, keptAsEvidence: 1 });
      expect(await store.prune(minutes(3))).toEqual({ deleted: 2, keptAsEvidence: 1 });
      const left = (await store.listRuns()).runs.map((r) => r.startedAt);
      expect(left).toEqual([minutes(4), minutes(3), minutes(0)]);
      expect((await store.getRun(evidence.run.id)).journal.deviated).toBe(true);
    });

    it('imports journals (Chaos Toolkit ones too) once, and reports files that are not journals', async () => {
      const store = await newStore();
      const dir = mkdtempSync(join(tmpdir(), 'faultline-import-'));
      const ctk = { ...makeJournal({ start: minutes(7) }), 'faultline-version': undefined, faultline: undefined };
      writeFileSync(join(dir, 'ctk.json'), JSON.stringify(ctk, null, 2));
      writeFileSync(join(dir, 'ours.json'), JSON.stringify(makeJournal({ deviated: true, start: minutes(8) })));
      writeFileSync(join(dir, 'bad.json'), '{ not json');
      const paths = ['ctk.json', 'ours.json', 'bad.json'].map((n) => join(dir, n));
      const first = await store.importJournals(paths);
      expect(first).toMatchObject({ added: 2, skipped: 0 });
      expect(first.failed.map((f) => f.path)).toEqual([join(dir, 'bad.json')]);
      expect(await store.importJournals(paths.slice(0, 2))).toMatchObject({ added: 0, skipped: 2 });
      const runs = (await store.listRuns()).runs;
      expect(runs.map((r) => [r.origin, r.outcome, r.who])).toEqual([
        ['import', 'deviated', null],
        ['import', 'held', null],
      ]);
      expect(runs[1]!.id).toMatch(/^ctk-/);
      expect(await store.listFindings()).toEqual([]); // history only
    });

    it('delivers queued records once the store is back, exactly once', async () => {
      const url = await fresh();
      const dir = mkdtempSync(join(tmpdir(), 'faultline-queue-'));
      const journal = makeJournal({ deviated: true });
      await queueRecord(dir, url, { journal, exitCode: 1 });
      await queueRecord(dir, `${url}-elsewhere`, { journal: makeJournal() });
      const store = await openStore(url);
      open.push(store);
      expect(await flushQueue(dir, url, (input) => store.recordRun(input))).toBe(1);
      expect(await flushQueue(dir, url, (input) => store.recordRun(input))).toBe(0);
      expect((await store.getRun(journal.faultline.run_id)).exitCode).toBe(1);
      expect(await store.listFindings()).toHaveLength(1);
    });

    it('loses nothing when many writers record at once', async () => {
      const url = await fresh();
      const stores = await Promise.all(Array.from({ length: 8 }, () => openStore(url)));
      open.push(...stores);
      await Promise.all(
        Array.from({ length: 40 }, (_, i) =>
          stores[i % stores.length]!.recordRun({ journal: makeJournal({ deviated: i % 3 === 0 }) }),
        ),
      );
      expect((await stores[0]!.listRuns({ limit: 100 })).runs).toHaveLength(40);
      expect(await stores[0]!.listFindings()).toHaveLength(1); // one proposal, the others are evidence
    });

    it('upgrades a store of schema 1 in place: the live runs table is added, the runs kept', async () => {
      const url = await fresh();
      const db = isPostgresUrl(url) ? await openPostgresDriver(url) : openSqliteDriver(url);
      try {
        await db.exec(
          'create table faultline_migrations (version integer primary key, name text not null, applied_at text not null)',
        );
        await db.exec(migrationSql(migrations[0]!, db.dialect));
        await db.run('insert into faultline_migrations (version, name, applied_at) values (?, ?, ?)', [
          1,
          'v1',
          minutes(0),
        ]);
        await db.run('insert into experiments (id, title, tags, first_run_at, last_run_at) values (?, ?, ?, ?, ?)', [
          'e-old',
          'from schema 1',
          '[]',
          minutes(0),
          minutes(0),
        ]);
      } finally {
        await db.close();
      }
      const store = await openStore(url);
      open.push(store);
      expect((await store.listExperiments()).map((e) => e.title)).toEqual(['from schema 1']);
      expect(await store.listLiveRuns()).toEqual([]);
      const check = isPostgresUrl(url) ? await openPostgresDriver(url) : openSqliteDriver(url);
      try {
        expect(await check.all('select version from faultline_migrations order by version')).toEqual([
          { version: 1 },
          { version: 2 },
        ]);
      } finally {
        await check.close();
      }
    });

    it('keeps the live state of runs in progress: heartbeat, stop request, end, lost', async () => {
      const store = await newStore();
      const fault = {
        id: 'revert-1',
        title: 'remove latency',
        driver: 'd',
        func: 'f',
        arguments: {},
        activity: 'inject-latency',
        registered: minutes(2),
        status: 'pending' as const,
      };
      const state = {
        run_id: 'live-1',
        pid: 42,
        host: 'ci-7',
        experiment: { title: 'latency <script>', source: '/x/exp.yaml' },
        phase: 'method' as const,
        started: minutes(1),
        updated: minutes(2),
        faults: [fault],
        samples: [{ probe: 'p', phase: 'during' as const, at: minutes(2), ok: true, value: 12, ms: 3 }],
      };
      expect(await store.publishLiveRun(state)).toBeUndefined();
      const [listed] = await store.listLiveRuns();
      expect(listed).toMatchObject({
        runId: 'live-1',
        host: 'ci-7',
        pid: 42,
        title: 'latency <script>',
        phase: 'method',
        liveness: 'running',
        faults: [{ activity: 'inject-latency', title: 'remove latency', since: minutes(2) }],
        samples: state.samples,
      });
      expect(listed!.stopRequest).toBeUndefined();
      // a heartbeat is late by more than the limit: lost
      const later = Date.parse(listed!.heartbeatAt) + 20_000;
      expect((await store.listLiveRuns({ lostAfterMs: 15_000, now: later }))[0]?.liveness).toBe('lost');
      expect((await store.listLiveRuns({ lostAfterMs: 30_000, now: later }))[0]?.liveness).toBe('running');

      expect(await store.requestLiveRunStop('live-1', 'dashboard (operator)')).toBe(true);
      expect(await store.requestLiveRunStop('live-1', 'someone else')).toBe(true); // the first request stands
      expect(await store.requestLiveRunStop('nope', 'x')).toBe(false);
      // the next heartbeat carries the request back, and does not erase it
      expect(await store.publishLiveRun({ ...state, phase: 'reverting' })).toMatchObject({
        by: 'dashboard (operator)',
      });
      expect((await store.getLiveRun('live-1'))?.stopRequest?.by).toBe('dashboard (operator)');

      await store.endLiveRun('live-1', { status: 'interrupted', faultsLeft: [] });
      expect(await store.listLiveRuns()).toEqual([]);
      expect(await store.getLiveRun('live-1')).toMatchObject({ liveness: 'ended', status: 'interrupted', faults: [] });
      expect(await store.requestLiveRunStop('live-1', 'late')).toBe(false);

      // a run that ended with a fault it could not revert stays listed, as ended
      await store.publishLiveRun({ ...state, run_id: 'live-2' });
      await store.endLiveRun('live-2', { status: 'completed', faultsLeft: [{ ...fault, status: 'failed' }] });
      expect(await store.listLiveRuns()).toMatchObject([{ runId: 'live-2', liveness: 'ended', status: 'completed' }]);
    });
  });
}
