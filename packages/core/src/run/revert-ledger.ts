import type { PendingRevert, RevertHandle, RevertSpec } from '../revert/revert-spec.js';

const noopHandle: RevertHandle = { id: 'none', update() {}, done() {} };

/**
 * Every fault a method activity injects, registered before injection. `onChange` is called
 * synchronously on every change so the journal on disk holds a revert before its fault exists.
 */
export class RevertLedger {
  readonly entries: PendingRevert[] = [];
  private counter = 0;

  constructor(private readonly onChange: (revert: PendingRevert, kind: 'registered' | 'changed') => void = () => {}) {}

  register(spec: RevertSpec, activity: string): RevertHandle {
    const entry: PendingRevert = {
      ...spec,
      arguments: structuredClone(spec.arguments),
      id: `revert-${++this.counter}`,
      activity,
      registered: new Date().toISOString(),
      status: 'pending',
    };
    this.entries.push(entry);
    this.onChange(entry, 'registered');
    return {
      id: entry.id,
      update: (patch) => {
        Object.assign(entry.arguments, structuredClone(patch));
        this.onChange(entry, 'changed');
      },
      done: () => {
        if (entry.status !== 'pending') return;
        entry.status = 'done-by-activity';
        entry.reverted = new Date().toISOString();
        this.onChange(entry, 'changed');
      },
    };
  }

  /** Pending reverts, newest first: undo in the reverse order of injection. */
  pending(): PendingRevert[] {
    return this.entries.filter((e) => e.status === 'pending').reverse();
  }

  /** Handle for contexts that must not record reverts (rollbacks, reverts themselves). */
  static readonly noopHandle = noopHandle;
}
