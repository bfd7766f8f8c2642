import { resolve } from 'node:path';
import { cliPackageRoot } from '../package-root.js';

export type Verdict = 'held' | 'deviated' | 'failed' | 'aborted' | 'interrupted';

export interface DemoExperiment {
  /** File under examples/local/. */
  file: string;
  /** What the naive and the resilient shop are expected to show. */
  expect: { naive: Verdict; resilient: Verdict };
  /** What the resilient shop does differently here (printed beside the verdicts). */
  fix: string;
}

/** The experiments in the repository's examples/local/, found from this package (packages/cli). */
export const localExamplesDir = resolve(cliPackageRoot, '../../examples/local');

/** The demo's experiments, in the order they run against each shop. */
export const demoExperiments: readonly DemoExperiment[] = [
  {
    file: 'replica-killed.yaml',
    expect: { naive: 'held', resilient: 'held' },
    fix: 'nothing to fix: two replicas, the gateway skips a refused one, the supervisor restarts it',
  },
  {
    file: 'payment-latency.yaml',
    expect: { naive: 'deviated', resilient: 'held' },
    fix: '200 ms timeout per payment call, circuit breaker, payment queued when it stays slow',
  },
  {
    file: 'payment-errors.yaml',
    expect: { naive: 'deviated', resilient: 'held' },
    fix: 'retries with exponential backoff, then the circuit breaker and the queued fallback',
  },
  {
    file: 'inventory-exceptions.yaml',
    expect: { naive: 'deviated', resilient: 'held' },
    fix: 'inventory calls retried with backoff (3 retries, 600 ms timeout each)',
  },
  {
    file: 'multi-failure.yaml',
    expect: { naive: 'deviated', resilient: 'held' },
    fix: 'all of the above at once: payment queued while partitioned, inventory retried',
  },
];
