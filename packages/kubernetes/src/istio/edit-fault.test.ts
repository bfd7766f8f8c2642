import { describe, expect, it } from 'vitest';
import { editFault } from './edit-fault.js';

const delay = { fixedDelay: '3s', percentage: { value: 50 } };
const abort = { httpStatus: 503, percentage: { value: 50 } };

describe('editFault', () => {
  it('adding an abort keeps the delay and removing the delay keeps the abort', () => {
    const withDelay = editFault(undefined, { kind: 'add-delay', delay });
    const both = editFault(withDelay, { kind: 'add-abort', abort });
    expect(both).toEqual({ delay, abort });
    expect(editFault(both, { kind: 'remove-delay' })).toEqual({ abort });
    expect(editFault(both, { kind: 'remove-abort' })).toEqual({ delay });
  });

  it('drops the fault block once nothing is left in it', () => {
    expect(editFault({ delay }, { kind: 'remove-delay' })).toBeUndefined();
    expect(editFault(undefined, { kind: 'remove-abort' })).toBeUndefined();
    expect(editFault({ delay, abort }, { kind: 'unset' })).toBeUndefined();
  });

  it('replaces one half entirely (no stale legacy `percent`) and set replaces the whole block', () => {
    expect(editFault({ delay: { fixedDelay: '1s', percent: 10 } }, { kind: 'add-delay', delay })).toEqual({ delay });
    expect(editFault({ delay, abort }, { kind: 'set', fault: { abort } })).toEqual({ abort });
  });

  it('never aliases its inputs', () => {
    const previous = { delay: { fixedDelay: '1s' } };
    const next = editFault(previous, { kind: 'add-abort', abort })!;
    next.delay!.fixedDelay = '9s';
    expect(previous.delay.fixedDelay).toBe('1s');
  });
});
