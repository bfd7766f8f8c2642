import type { RunEvent, RunObserver } from '@faultline/core';
import type { Style } from '../progress/style.js';

/**
 * The demo's live progress: one line per action and fault, and the steady-state samples taken
 * while the faults are active as a growing row of marks (✓ held, ✗ deviated), so ten runs fit on
 * one screen. The full detail is in each run's journal and HTML report.
 */
export class DemoProgress implements RunObserver {
  /** The current line is unfinished (marks are being appended to it). */
  private open = false;

  constructor(
    private readonly out: { write(chunk: string): unknown },
    private readonly style: Style,
  ) {}

  /** For lines that come from outside a run (the supervisor restarting a replica). */
  note(text: string): void {
    this.line(`    ${this.style.dim(text)}`);
  }

  onEvent(event: RunEvent): void {
    const s = this.style;
    switch (event.type) {
      case 'hypothesis-ended': {
        const met = event.result.steady_state_met;
        if (event.phase === 'during') {
          if (!this.open) this.write('    steady state while faulted: ');
          this.write(met ? s.green('✓') : s.red('✗'));
          this.open = true;
        } else this.line(`    steady state ${event.phase}: ${met ? s.green('held') : s.red('deviated')}`);
        break;
      }
      case 'activity-ended':
        if (event.phase === 'method')
          this.line(
            `    ${event.entry.status === 'succeeded' ? s.green('→') : s.red('✗')} ${event.activity.name}${event.entry.status === 'succeeded' ? '' : s.red(` ${event.entry.exception?.at(-1)?.trim() ?? 'failed'}`)}`,
          );
        break;
      case 'fault-registered':
        this.line(`    ${s.yellow('⚑')} ${event.revert.title}`);
        break;
      case 'fault-reverted':
        this.line(
          `    ↺ ${event.revert.status === 'reverted' ? 'reverted' : s.red(event.revert.status)}: ${event.revert.title}`,
        );
        break;
      case 'interrupted':
        this.line(`    ${s.red('interrupted')}: ${event.reason}`);
        break;
      default:
    }
  }

  private write(text: string): void {
    this.out.write(text);
  }

  private line(text: string): void {
    if (this.open) this.out.write('\n');
    this.open = false;
    this.out.write(`${text}\n`);
  }
}
