import { UsageError } from '@faultline/core';
import type { SqlDriver, SqlValue } from './driver/sql-driver.js';
import { insertFinding, insertFindingEvent } from './finding-writes.js';
import { resolveRef } from './resolve-ref.js';
import { eventFromRow, findingFromRow, type FindingEventRow, type FindingRow } from './rows.js';
import {
  findingStates,
  severities,
  type Finding,
  type FindingDetail,
  type FindingFilter,
  type FindingUpdate,
  type NewFinding,
} from './types.js';

function checkSeverity(severity: string | undefined): void {
  if (severity !== undefined && !(severities as readonly string[]).includes(severity))
    throw new UsageError(`unknown severity "${severity}"`, { code: 'E_STORE_SEVERITY', hint: severities.join(', ') });
}

/** A finding added by a person (open, reviewed). */
export async function addFinding(db: SqlDriver, finding: NewFinding): Promise<Finding> {
  if (!finding.title?.trim()) throw new UsageError('a finding needs a title', { code: 'E_STORE_FINDING' });
  checkSeverity(finding.severity);
  return db.transaction(async (tx) => {
    const experimentId = await resolveRef(tx, 'experiment', finding.experimentId);
    const runId = finding.runId ? await resolveRef(tx, 'run', finding.runId) : undefined;
    return insertFinding(
      tx,
      { ...finding, experimentId, runId },
      { proposed: false, impact: null, at: new Date().toISOString() },
    );
  });
}

export async function listFindings(db: SqlDriver, filter: FindingFilter = {}): Promise<Finding[]> {
  const where: string[] = [];
  const params: SqlValue[] = [];
  const states = filter.state === undefined ? [] : [filter.state].flat();
  for (const state of states)
    if (!(findingStates as readonly string[]).includes(state))
      throw new UsageError(`unknown state "${state}"`, { code: 'E_STORE_STATE', hint: findingStates.join(', ') });
  if (states.length) {
    where.push(`state in (${states.map(() => '?').join(', ')})`);
    params.push(...states);
  }
  if (filter.experiment) {
    where.push('experiment_id = ?');
    params.push(await resolveRef(db, 'experiment', filter.experiment));
  }
  if (filter.tag) {
    where.push(
      'experiment_id in (select distinct r.experiment_id from runs r join run_tags t on t.run_id = r.id where t.tag = ?)',
    );
    params.push(filter.tag);
  }
  const rows = await db.all<FindingRow>(
    `select * from findings ${where.length ? `where ${where.join(' and ')}` : ''} order by id desc`,
    params,
  );
  return rows.map(findingFromRow);
}

async function findingRow(db: SqlDriver, id: number): Promise<FindingRow> {
  if (!Number.isInteger(id) || id < 1)
    throw new UsageError(`"${id}" is not a finding number`, { code: 'E_STORE_NO_FINDING' });
  const [row] = await db.all<FindingRow>('select * from findings where id = ?', [id]);
  if (!row)
    throw new UsageError(`no finding #${id} in the store`, {
      code: 'E_STORE_NO_FINDING',
      hint: 'list them with `faultline findings list`',
    });
  return row;
}

export async function getFinding(db: SqlDriver, id: number): Promise<FindingDetail> {
  const finding = findingFromRow(await findingRow(db, id));
  const events = await db.all<FindingEventRow>(
    'select at, from_state, to_state, run_id, note from finding_events where finding_id = ? order by id',
    [id],
  );
  return { ...finding, events: events.map(eventFromRow) };
}

/**
 * Edits a finding; any edit marks a proposed finding as reviewed. Moving to `fixed` needs a link
 * to the fix (given now or before): "fixed" without saying how cannot be checked later.
 */
export async function updateFinding(db: SqlDriver, id: number, update: FindingUpdate): Promise<FindingDetail> {
  checkSeverity(update.severity);
  if (update.state !== undefined && !(findingStates as readonly string[]).includes(update.state))
    throw new UsageError(`unknown state "${update.state}"`, { code: 'E_STORE_STATE', hint: findingStates.join(', ') });
  await db.transaction(async (tx) => {
    const current = findingFromRow(await findingRow(tx, id));
    const fixLink = update.fixLink === undefined ? current.fixLink : update.fixLink;
    if (update.state === 'fixed' && !fixLink)
      throw new UsageError(`finding #${id} cannot be fixed without a link to the fix`, {
        code: 'E_STORE_FIX_LINK',
        hint: `faultline findings update ${id} --state fixed --fix-link https://…`,
      });
    const now = new Date().toISOString();
    const next = {
      title: update.title ?? current.title,
      severity: update.severity ?? current.severity,
      owner: update.owner === undefined ? current.owner : update.owner,
      description: update.description === undefined ? current.description : update.description,
      state: update.state ?? current.state,
    };
    await tx.run(
      'update findings set title = ?, severity = ?, owner = ?, fix_link = ?, description = ?, state = ?, proposed = 0, updated_at = ? where id = ?',
      [next.title, next.severity, next.owner, fixLink, next.description, next.state, now, id],
    );
    if (next.state !== current.state || update.note)
      await insertFindingEvent(tx, id, { from: current.state, to: next.state, note: update.note ?? null, at: now });
  });
  return getFinding(db, id);
}
