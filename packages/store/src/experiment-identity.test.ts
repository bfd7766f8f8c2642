import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { experiment } from './__fixtures__/make-journal.js';
import { experimentIdentity } from './experiment-identity.js';

describe('experimentIdentity', () => {
  const base = experimentIdentity(experiment());

  it('survives reformatting, key order, re-wrapped text, titles and descriptions', () => {
    const yaml = parse(`
method:
  - provider:
      arguments: { fixed_delay: "2s" }
      func: add_delay_fault
      module:   chaosistio.fault.actions
      type: python
    name: inject-latency
    type: action
    description: now with a description
steady-state-hypothesis:
  title: A new title
  probes:
    - provider: { url: "http://127.0.0.1:9/orders", type: http }
      type: probe
      tolerance: 200
      name: can-place-order
`);
    expect(experimentIdentity({ ...yaml, title: 'Renamed' })).toBe(base);
  });

  it('changes when what is injected or checked changes', () => {
    const changed = experiment();
    (changed.method![0] as { provider: { arguments: Record<string, unknown> } }).provider.arguments.fixed_delay = '5s';
    expect(experimentIdentity(changed)).not.toBe(base);
    const probe = experiment();
    (probe['steady-state-hypothesis']!.probes![0] as { tolerance: number }).tolerance = 201;
    expect(experimentIdentity(probe)).not.toBe(base);
  });

  it('takes an explicit id from the faultline extension', () => {
    expect(
      experimentIdentity(
        experiment({ extensions: [{ name: 'other' }, { name: 'faultline', experiment_id: 'checkout-latency' }] }),
      ),
    ).toBe('checkout-latency');
  });
});
