import { randomUUID } from 'node:crypto';
import type { Experiment, Journal } from '@faultline/core';

export const experiment = (overrides: Partial<Experiment> = {}): Experiment =>
  ({
    version: '1.0.0',
    title: 'Checkout survives payment latency',
    tags: ['checkout', 'payments'],
    'steady-state-hypothesis': {
      title: 'Orders go through',
      probes: [
        {
          type: 'probe',
          name: 'can-place-order',
          tolerance: 200,
          provider: { type: 'http', url: 'http://127.0.0.1:9/orders' },
        },
      ],
    },
    method: [
      {
        type: 'action',
        name: 'inject-latency',
        provider: {
          type: 'python',
          module: 'chaosistio.fault.actions',
          func: 'add_delay_fault',
          arguments: { fixed_delay: '2s' },
        },
      },
    ],
    ...overrides,
  }) as Experiment;

const probeEntry = (held: boolean, at: string) => ({
  activity: experiment()['steady-state-hypothesis']!.probes![0]!,
  output: held ? 200 : 503,
  start: at,
  end: at,
  duration: 0,
  status: 'succeeded' as const,
  tolerance_met: held,
  ...(held ? {} : { tolerance_reason: 'got 503, expected 200' }),
});

/** A finished Faultline journal: held, or deviated after the method. */
export function makeJournal(
  options: {
    deviated?: boolean;
    start?: string;
    runId?: string;
    experiment?: Experiment;
    status?: Journal['status'];
  } = {},
): Journal {
  const start = options.start ?? new Date().toISOString();
  const at = (ms: number) => new Date(Date.parse(start) + ms).toISOString();
  const deviated = options.deviated ?? false;
  return {
    'chaoslib-version': '1.44.0',
    'faultline-version': '0.1.0',
    platform: 'linux',
    node: 'test',
    experiment: options.experiment ?? experiment(),
    start,
    status: options.status ?? 'completed',
    deviated,
    steady_states: {
      before: { steady_state_met: true, probes: [probeEntry(true, at(10))] },
      after: { steady_state_met: !deviated, probes: [probeEntry(!deviated, at(3000))] },
      during: [],
    },
    run: [
      {
        activity: (options.experiment ?? experiment()).method![0]!,
        output: null,
        start: at(100),
        end: at(200),
        duration: 0.1,
        status: 'succeeded',
      },
    ],
    rollbacks: [],
    end: at(3100),
    duration: 3.1,
    faultline: { run_id: options.runId ?? randomUUID(), reverts: [] },
  } as Journal;
}
