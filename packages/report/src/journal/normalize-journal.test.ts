import { describe, expect, it } from 'vitest';
import { loadFixture } from '../__fixtures__/load-fixture.js';
import { journalOrigin, normalizeJournal } from './normalize-journal.js';
import { parseJournal } from './parse-journal.js';

describe('normalizeJournal', () => {
  it('reads a journal written by Chaos Toolkit', () => {
    const journal = normalizeJournal(loadFixture('chaostoolkit'));
    expect(journalOrigin(journal)).toBe('chaostoolkit');
    expect(journal.faultline).toEqual({ run_id: '', reverts: [] });
    expect(journal.start).toBe('2026-03-02T10:01:40.000Z'); // +00:00 and microseconds read right
    expect(journal.steady_states.after?.start).toBe('2026-03-02T10:01:51.600Z'); // from its first probe
    expect(journal.rollbacks[0]!.output).toBeNull(); // missing output
    expect(journal.steady_states.after?.probes[0]!.exception?.[0]).toBe('Traceback (most recent call last):\n');
  });

  it('takes timestamps without an offset as UTC, as old Chaos Toolkit versions wrote them', () => {
    const journal = normalizeJournal({
      experiment: { title: 'x' },
      start: '2019-05-01T08:00:00.123456',
      run: [{ activity: { name: 'a', type: 'action' }, start: '2019-05-01T08:00:01', end: '2019-05-01T08:00:03' }],
    });
    expect(journal.start).toBe('2019-05-01T08:00:00.123Z');
    expect(journal.run[0]).toMatchObject({ start: '2019-05-01T08:00:01.000Z', duration: 2, status: 'failed' }); // no status: it did not succeed
    expect(journal.status).toBe('running');
  });

  it('drops null continuous samples and fills what an interrupted run left out', () => {
    const journal = normalizeJournal({
      experiment: {},
      status: null,
      steady_states: { before: null, during: [null, { steady_state_met: true, probes: [] }] },
    });
    expect(journal.experiment.title).toBe('(untitled experiment)');
    expect(journal.steady_states.during).toHaveLength(1);
    expect(journal.run).toEqual([]);
    expect(normalizeJournal(journal)).toEqual(journal); // idempotent
  });

  it('refuses what is not a journal, with a hint', () => {
    expect(() => parseJournal('{"title":"an experiment"}', 'experiment.json')).toThrow(
      expect.objectContaining({
        code: 'E_REPORT_NOT_A_JOURNAL',
        message: expect.stringContaining('experiment.json is not a run journal'),
      }),
    );
    expect(() => parseJournal('<html>', 'report.html')).toThrow(
      expect.objectContaining({ code: 'E_REPORT_NOT_A_JOURNAL', hint: expect.stringContaining('--journal-path') }),
    );
  });
});
