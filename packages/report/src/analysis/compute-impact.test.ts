import { describe, expect, it } from 'vitest';
import type { Journal } from '@faultline/core';
import { loadFixture } from '../__fixtures__/load-fixture.js';
import { normalizeJournal } from '../journal/normalize-journal.js';
import { computeImpact } from './compute-impact.js';

const T0 = Date.parse('2026-03-02T10:00:00.000Z');
const at = (s: number) => new Date(T0 + s * 1000).toISOString();

/** A continuous run sampled every second; `held(t)` says whether the sample at t held. */
function sampled(
  held: (t: number) => boolean,
  options: { seconds?: number; reverts?: Journal['faultline']['reverts']; run?: Journal['run'] } = {},
): Journal {
  const probe = {
    type: 'probe' as const,
    name: 'ok',
    provider: { type: 'http' as const, url: 'http://127.0.0.1/' },
    tolerance: 200,
  };
  const state = (t: number) => ({
    steady_state_met: held(t),
    start: at(t),
    end: at(t + 0.1),
    probes: [
      {
        activity: probe,
        output: { status: held(t) ? 200 : 503 },
        start: at(t),
        end: at(t + 0.1),
        duration: 0.1,
        status: 'succeeded' as const,
        tolerance_met: held(t),
      },
    ],
  });
  const seconds = options.seconds ?? 60;
  return normalizeJournal({
    'chaoslib-version': '1.44.0',
    'faultline-version': '0.1.0',
    platform: 'linux',
    node: 'host',
    experiment: { title: 't', 'steady-state-hypothesis': { title: 'ok', probes: [probe] } },
    start: at(0),
    end: at(seconds),
    status: 'completed',
    deviated: false,
    steady_states: {
      before: state(0),
      during: Array.from({ length: seconds - 1 }, (_, i) => state(i + 1)),
      after: state(seconds),
    },
    run: options.run ?? [],
    rollbacks: [],
    faultline: { run_id: 'r', reverts: options.reverts ?? [] },
  });
}

const revert = (
  registered: number,
  reverted: number | undefined,
  status: 'reverted' | 'failed' | 'pending' = 'reverted',
) => ({
  id: 'rv',
  activity: 'inject',
  title: 'remove fault',
  driver: '@faultline/proxy',
  func: 'remove_toxic',
  arguments: {},
  registered: at(registered),
  status,
  ...(reverted === undefined ? {} : { reverted: at(reverted) }),
});

describe('computeImpact', () => {
  it('measures time to impact and to recovery around a reverted fault', () => {
    const impact = computeImpact(loadFixture('continuous'));
    expect(impact.continuous).toBe(true);
    expect(impact.samples).toEqual({ total: 60, held: 29, failed: 31, heldRatio: 29 / 60 });
    expect(impact.faults).toEqual([
      {
        activity: 'inject-payment-service-latency',
        title: 'remove delay fault from payment-service-vs',
        injectedAt: '2026-03-02T10:00:20.000Z',
        removedAt: '2026-03-02T10:01:20.700Z',
        impactedAt: '2026-03-02T10:00:25.000Z', // first sample from +24 s on is +25 s
        timeToImpactSeconds: 5,
        recoveredAt: '2026-03-02T10:01:27.000Z', // latency settles 6 s after removal
        timeToRecoverSeconds: 6.3,
        degradedSeconds: 62,
      },
    ]);
  });

  it('says a fault that never bit had no impact', () => {
    const impact = computeImpact(sampled(() => true, { reverts: [revert(10, 20)] }));
    expect(impact.faults[0]).toMatchObject({
      impactedAt: null,
      timeToImpactSeconds: null,
      recoveredAt: null,
      timeToRecoverSeconds: null,
    });
    expect(impact.samples.heldRatio).toBe(1);
  });

  it('leaves recovery open when the system never came back', () => {
    const impact = computeImpact(sampled((t) => t < 12, { reverts: [revert(10, 20)] }));
    expect(impact.faults[0]).toMatchObject({
      timeToImpactSeconds: 2,
      recoveredAt: null,
      timeToRecoverSeconds: null,
      degradedSeconds: null,
    });
  });

  it('has no recovery time for a fault that was never removed', () => {
    const impact = computeImpact(sampled((t) => t < 12 || t > 40, { reverts: [revert(10, undefined, 'failed')] }));
    expect(impact.faults[0]).toMatchObject({
      removedAt: null,
      timeToImpactSeconds: 2,
      timeToRecoverSeconds: null,
      degradedSeconds: 29,
    });
  });

  it('counts recovery from removal, also when the system healed while the fault was still in', () => {
    const impact = computeImpact(sampled((t) => t < 12 || t > 15, { reverts: [revert(10, 30.5)] }));
    expect(impact.faults[0]).toMatchObject({
      timeToImpactSeconds: 2,
      degradedSeconds: 4,
      recoveredAt: at(31),
      timeToRecoverSeconds: 0.5,
    });
  });

  it('takes an action without a revert (a pod kill) as a fault from its start to its end', () => {
    const kill = {
      activity: {
        type: 'action' as const,
        name: 'terminate-pods',
        provider: { type: 'python' as const, module: 'chaosk8s.pod.actions', func: 'terminate_pods' },
      },
      output: null,
      start: at(5),
      end: at(6),
      duration: 1,
      status: 'succeeded' as const,
    };
    const impact = computeImpact(sampled((t) => t < 8 || t >= 20, { run: [kill] }));
    expect(impact.faults).toEqual([
      expect.objectContaining({
        activity: 'terminate-pods',
        removedAt: at(6),
        timeToImpactSeconds: 3,
        timeToRecoverSeconds: 14,
        degradedSeconds: 12,
      }),
    ]);
  });

  it('does not make up times when the hypothesis was only checked before and after', () => {
    const impact = computeImpact(loadFixture('deviated'));
    expect(impact.continuous).toBe(false);
    expect(impact.samples.heldRatio).toBeNull();
    expect(impact.faults.map((f) => [f.activity, f.timeToImpactSeconds])).toEqual([
      ['inject-payment-service-latency', null],
      ['inject-payment-service-errors', null],
    ]);
  });

  it('reads faults from a Chaos Toolkit journal, which has no reverts', () => {
    const impact = computeImpact(loadFixture('chaostoolkit'));
    expect(impact.faults).toEqual([
      expect.objectContaining({
        activity: 'terminate-app-pod',
        injectedAt: '2026-03-02T10:01:40.600Z',
        removedAt: '2026-03-02T10:01:41.400Z',
      }),
    ]);
  });
});

describe('faults in journals without reverts', () => {
  const py = (
    name: string,
    func: string,
    start: number,
    end: number,
    status: 'succeeded' | 'failed' = 'succeeded',
  ) => ({
    activity: {
      type: 'action' as const,
      name,
      provider: { type: 'python' as const, module: 'chaosistio.fault.actions', func },
    },
    output: null,
    start: at(start),
    end: at(end),
    duration: end - start,
    status,
  });

  it('lasts until the action that undoes it by name (add_delay_fault → remove_delay_fault)', () => {
    const journal = sampled((t) => t < 12 || t > 33, {
      run: [py('add-delay', 'add_delay_fault', 10, 11), py('remove-delay', 'remove_delay_fault', 30, 31)],
    });
    const impact = computeImpact(journal);
    expect(impact.faults).toEqual([
      expect.objectContaining({
        activity: 'add-delay',
        title: 'add-delay (undone by remove-delay)',
        removedAt: at(31),
        timeToImpactSeconds: 2,
        timeToRecoverSeconds: 3,
      }),
    ]);
  });

  it('pairs cordon_node with uncordon_node in the rollbacks, and a failed undo leaves the fault in', () => {
    const journal = sampled(() => true, { run: [py('cordon', 'cordon_node', 10, 11)] });
    journal.rollbacks = [py('uncordon', 'uncordon_node', 40, 41, 'failed')];
    expect(computeImpact(journal).faults).toEqual([expect.objectContaining({ activity: 'cordon', removedAt: null })]);
    journal.rollbacks = [py('uncordon', 'uncordon_node', 40, 41)];
    expect(computeImpact(journal).faults).toEqual([expect.objectContaining({ activity: 'cordon', removedAt: at(41) })]);
  });
});
