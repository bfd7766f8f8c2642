import {
  formatValue,
  stripControlCharactersDeep,
  type Journal,
  type RunEvent,
  type RunObserver,
  type SafeguardTrip,
} from '@faultline/core';
import { createStyle, type Style } from './style.js';

interface Output {
  write(chunk: string): unknown;
  isTTY?: boolean;
}

/** Which safeguard tripped, when, with what value and why. */
const tripLine = (trip: SafeguardTrip) =>
  `safeguard "${trip.name}" tripped at ${trip.at} with value ${formatValue(trip.value)}: ${trip.reason}`;

const seconds = (s: number) => (s < 10 ? `${s.toFixed(2)}s` : `${s.toFixed(1)}s`);

/**
 * Live progress of a run for people: each activity as it starts and ends, a ticking timer during
 * pauses and long activities (TTY only), hypothesis verdicts and a final summary. Without a TTY
 * (or with NO_COLOR) it prints plain, stable lines that CI logs keep readable.
 */
export class TerminalProgress implements RunObserver {
  private readonly style: Style;
  private readonly live: boolean;
  private ticker: NodeJS.Timeout | undefined;
  private tickLabel = '';
  private tickStart = 0;
  private tickTotal: number | undefined;
  /** Probes of a continuous hypothesis run beside the method: only their verdict is shown. */
  private sampling = false;

  constructor(
    private readonly out: Output,
    options: { color: boolean; live: boolean },
  ) {
    this.style = createStyle(options.color);
    this.live = options.live;
  }

  onEvent(raw: RunEvent): void {
    // Titles, names and errors come from the experiment and its targets: no escape sequence of
    // theirs reaches the terminal (colours, hyperlinks, title changes, cursor moves).
    const event = stripControlCharactersDeep(raw);
    const s = this.style;
    switch (event.type) {
      case 'run-started':
        this.line(`${s.bold('Experiment')}: ${event.experiment.title} ${s.dim(`(run ${event.runId.slice(0, 8)})`)}`);
        break;
      case 'hypothesis-started':
        this.sampling = event.phase === 'during';
        if (event.phase !== 'during') this.line(`${s.bold('Steady state')} (${event.phase} method): ${event.title}`);
        break;
      case 'hypothesis-ended': {
        this.sampling = false;
        const met = event.result.steady_state_met;
        if (event.phase === 'during') {
          this.line(
            `  ${met ? s.green('·') : s.red('✗')} steady state during method ${met ? 'held' : s.red('deviated')}${met ? '' : this.reason(event.result.probes.at(-1))}`,
          );
        } else {
          this.line(
            `  ${met ? s.green('✓ steady state met') : s.red(`✗ steady state not met${this.reason(event.result.probes.at(-1))}`)}`,
          );
        }
        break;
      }
      case 'activity-started':
        if (event.phase === 'hypothesis' && this.sampling) break;
        if (event.phase !== 'hypothesis')
          this.line(
            `${event.phase === 'rollback' ? s.bold('Rollback') : event.activity.type === 'action' ? s.bold('Action') : s.bold('Probe')}: ${event.activity.name}${event.activity.background ? s.dim(' [background]') : ''}`,
          );
        this.startTicker(`  ${event.activity.name}`);
        break;
      case 'activity-ended': {
        if (event.phase === 'hypothesis' && this.sampling) break;
        this.stopTicker();
        const ok = event.entry.status === 'succeeded';
        // No status: an interruption cut it short (journalled as Chaos Toolkit does).
        const cut = event.entry.status === undefined;
        const mark = ok ? s.green('✓') : cut ? s.yellow('■') : s.red('✗');
        const detail = ok ? '' : ` ${cut ? s.yellow('interrupted') : s.red(event.entry.exception?.[0] ?? 'failed')}`;
        if (event.phase === 'hypothesis')
          this.line(`  ${mark} ${event.activity.name} ${s.dim(seconds(event.entry.duration))}${detail}`);
        // A background activity ends under some other header: name it.
        else
          this.line(
            `  ${mark} ${event.activity.background ? `${event.activity.name} ` : ''}${ok ? 'done' : cut ? 'stopped' : 'failed'} ${s.dim(seconds(event.entry.duration))}${detail}`,
          );
        break;
      }
      case 'pause-started':
        this.line(`  ${s.dim(`pausing ${event.when} ${event.activity.name} for ${seconds(event.seconds)}`)}`);
        this.startTicker('  pause', event.seconds);
        break;
      case 'pause-ended':
        this.stopTicker();
        break;
      case 'fault-registered':
        this.line(`  ${s.yellow('⚑')} fault registered: ${event.revert.title}`);
        break;
      case 'fault-reverted':
        this.line(
          `  ${event.revert.status === 'reverted' ? s.green('↺ reverted') : s.red('✗ revert failed')}: ${event.revert.title}${event.revert.error ? ` (${event.revert.error})` : ''}`,
        );
        break;
      case 'interrupted':
        this.stopTicker();
        // A safeguard protects the system: the run is aborted (as the journal says), not interrupted.
        if (event.safeguard) this.line(s.red(`Aborted: ${tripLine(event.safeguard)} — reverting injected faults…`));
        else this.line(s.yellow(`Interrupted: ${event.reason} — reverting injected faults…`));
        break;
      case 'run-ended':
        this.stopTicker();
        this.summary(event.journal);
        break;
    }
  }

  private reason(entry: { tolerance_reason?: string; exception?: string[] } | undefined): string {
    const why = entry?.tolerance_reason ?? entry?.exception?.[0];
    return why ? `: ${why}` : '';
  }

  private summary(journal: Journal): void {
    const s = this.style;
    const notTried = journal.steady_states.before?.steady_state_met === false;
    const hypothesisRan =
      journal.steady_states.before !== null ||
      journal.steady_states.after !== null ||
      journal.steady_states.during.length > 0;
    const verdict =
      journal.status !== 'completed'
        ? s.red(journal.status)
        : journal.deviated
          ? s.red('deviated — the steady state did not hold after the method')
          : notTried
            ? s.yellow('not tried — the steady state did not hold before the method, so nothing was injected')
            : hypothesisRan
              ? s.green('completed — the steady state held')
              : s.green('completed (no steady-state hypothesis was checked)');
    const faults = journal.faultline.reverts;
    const reverted = faults.filter((r) => r.status !== 'pending' && r.status !== 'failed').length;
    this.line('');
    this.line(`${s.bold('Result')}: ${verdict} ${s.dim(`in ${seconds(journal.duration ?? 0)}`)}`);
    const trip = (journal.faultline.safeguards as { tripped?: SafeguardTrip | null } | undefined)?.tripped;
    if (trip) this.line(s.red(`  aborted by a safeguard: ${tripLine(trip)}`));
    this.line(
      `  activities: ${journal.run.length}, rollbacks: ${journal.rollbacks.length}, faults reverted: ${reverted}/${faults.length}`,
    );
    const stuck = faults.filter((r) => r.status === 'pending' || r.status === 'failed');
    if (stuck.length)
      this.line(s.red(`  ${stuck.length} fault(s) could not be reverted: run \`faultline revert <journal>\``));
  }

  private startTicker(label: string, total?: number): void {
    if (!this.live) return;
    this.stopTicker();
    this.tickLabel = label;
    this.tickStart = performance.now();
    this.tickTotal = total;
    this.ticker = setInterval(() => {
      const elapsed = (performance.now() - this.tickStart) / 1000;
      if (elapsed < 1 && this.tickTotal === undefined) return;
      const progress = this.tickTotal ? ` / ${seconds(this.tickTotal)}` : '';
      this.out.write(`\r\x1b[K${this.style.dim(`${this.tickLabel} ${seconds(elapsed)}${progress}`)}`);
    }, 100);
    this.ticker.unref();
  }

  private stopTicker(): void {
    if (!this.ticker) return;
    clearInterval(this.ticker);
    this.ticker = undefined;
    this.out.write('\r\x1b[K');
  }

  private line(text: string): void {
    // A line printed while the ticker shows (a continuous hypothesis sample during a pause)
    // replaces the ticker's text; the ticker redraws itself below on its next tick.
    if (this.ticker) this.out.write('\r\x1b[K');
    this.out.write(`${text}\n`);
  }
}
