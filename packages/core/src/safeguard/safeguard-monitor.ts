import type { Logger } from '../activity/logger.js';
import { formatValue } from '../tolerance/format-value.js';
import { abortableSleep } from '../util/abortable-sleep.js';
import type { Safeguard } from './collect-safeguards.js';

/** One check of a safeguard: did its probe's output meet the tolerance, and what was it. */
export interface SafeguardVerdict {
  met: boolean;
  value: unknown;
  reason?: string;
}

/** The journal's record of the safeguard that ended a run. */
export interface SafeguardTrip {
  name: string;
  declared_in: Safeguard['declared_in'];
  at: string;
  value: unknown;
  reason: string;
}

/**
 * Runs a run's safeguards for its whole length, as chaosaddons does: the plain ones first (the run
 * starts only if they hold), then the background ones once and the periodic ones every
 * `frequency` seconds, concurrently with the run. The first failed tolerance trips the monitor:
 * `onTrip` is called once and every check stops.
 */
export class SafeguardMonitor {
  tripped: SafeguardTrip | undefined;
  checks = 0;
  private readonly stopper = new AbortController();
  private readonly loops: Array<Promise<void>> = [];

  constructor(
    readonly safeguards: readonly Safeguard[],
    private readonly evaluate: (safeguard: Safeguard, signal: AbortSignal) => Promise<SafeguardVerdict>,
    private readonly onTrip: (trip: SafeguardTrip) => void,
    private readonly logger: Logger,
  ) {}

  /** Checks the plain safeguards now (awaited), then starts the others. */
  async start(): Promise<void> {
    for (const safeguard of this.safeguards.filter((s) => !s.background && s.frequency === undefined)) {
      await this.check(safeguard);
      if (this.tripped) return;
    }
    for (const safeguard of this.safeguards) {
      if (safeguard.frequency !== undefined) this.loops.push(this.repeat(safeguard, safeguard.frequency));
      else if (safeguard.background) this.loops.push(this.check(safeguard));
    }
  }

  /** Ends every check (the run is over: reverting must not be cut short by a safeguard). */
  async stop(): Promise<void> {
    this.stopper.abort();
    await Promise.all(this.loops);
  }

  private async repeat(safeguard: Safeguard, seconds: number): Promise<void> {
    while (!this.stopper.signal.aborted) {
      await this.check(safeguard);
      await abortableSleep(seconds * 1000, this.stopper.signal);
    }
  }

  private async check(safeguard: Safeguard): Promise<void> {
    if (this.stopper.signal.aborted) return;
    let verdict: SafeguardVerdict;
    try {
      verdict = await this.evaluate(safeguard, this.stopper.signal);
    } catch (error) {
      // A probe that cannot answer cannot say the system is safe.
      verdict = { met: false, value: null, reason: `the probe failed: ${(error as Error)?.message ?? String(error)}` };
    }
    // Stopped while checking: the run is over, the answer no longer matters.
    if (this.stopper.signal.aborted) return;
    this.checks++;
    if (verdict.met || this.tripped) return;
    this.tripped = {
      name: safeguard.name,
      declared_in: safeguard.declared_in,
      at: new Date().toISOString(),
      value: verdict.value,
      reason: verdict.reason ?? 'tolerance not met',
    };
    this.logger.error(
      `safeguard "${safeguard.name}" tripped at ${this.tripped.at} with value ${formatValue(verdict.value)}: ${this.tripped.reason}; aborting the run`,
    );
    this.stopper.abort();
    this.onTrip(this.tripped);
  }
}
