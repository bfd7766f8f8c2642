import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ActivityResolver } from '@faultline/core';
import { knownDrivers } from '../known-drivers.js';
import { compatMarkers, compatProblems, compatRows, compatTable, withCompatTable } from './compat-table.js';
import { upstreamDrivers } from './upstream-functions.js';
import { engineControls } from './engine-controls.js';

const resolver = new ActivityResolver(knownDrivers);
const drivers = await resolver.allDrivers();
const engine = await engineControls(resolver, drivers);
const docPath = new URL('../../../../docs/compatibility.md', import.meta.url);

describe('compatibility with the official Chaos Toolkit drivers', () => {
  it('serves every upstream function, or lists why not; native ones accept every upstream argument', () => {
    expect(compatProblems(drivers, engine)).toEqual([]);
  });

  it('docs/compatibility.md holds exactly the generated table (npm run build && npm run docs:compat)', () => {
    const document = readFileSync(docPath, 'utf8');
    expect(document.includes(compatMarkers.start), 'the doc has the markers').toBe(true);
    expect(document).toBe(withCompatTable(document, compatTable(drivers, engine)));
  });

  it('covers the six drivers and notices a function nobody serves', () => {
    expect(upstreamDrivers.map((driver) => driver.package)).toEqual([
      'chaostoolkit-kubernetes',
      'chaostoolkit-istio',
      'chaostoolkit-prometheus',
      'chaostoolkit-spring',
      'chaostoolkit-toxiproxy',
      'chaostoolkit-addons',
    ]);
    const withoutKubernetes = drivers.filter((driver) => driver.name !== '@faultline/kubernetes');
    expect(compatProblems(withoutKubernetes)).toContain(
      'chaosk8s.probes.all_microservices_healthy (chaostoolkit-kubernetes) is neither served nor listed in unsupported-functions.ts',
    );
    const narrowed = drivers.map((driver) => ({
      ...driver,
      activities: driver.activities.map((activity) =>
        activity.name === 'terminate_pods' ? { ...activity, arguments: z.strictObject({ ns: z.string() }) } : activity,
      ),
    }));
    expect(compatProblems(narrowed)).toContain(
      'chaosk8s.pod.actions.terminate_pods: the upstream argument "label_selector" is not accepted',
    );
    const redefaulted = drivers.map((driver) => ({
      ...driver,
      activities: driver.activities.map((activity) =>
        activity.name === 'count_min_pods'
          ? {
              ...activity,
              arguments: z.strictObject({
                label_selector: z.string(),
                phase: z.string().default('Running'),
                min_count: z.number().default(3),
                ns: z.string().default('default'),
              }),
            }
          : activity,
      ),
    }));
    expect(compatProblems(redefaulted)).toEqual([
      'chaosk8s.pod.probes.count_min_pods: "min_count" defaults to 3, upstream to 2',
    ]);
    const rows = compatRows(drivers);
    expect(rows.find((row) => row.name === 'chaosk8s.node.actions.delete_nodes')).toMatchObject({
      status: 'native',
      detail: '@faultline/kubernetes',
    });
    expect(rows.find((row) => row.name === 'chaosaddons.controls.synchronization')).toMatchObject({ status: 'native' });
    const withRunnerControl = compatRows(drivers, new Set(['chaosaddons.controls.safeguards']));
    expect(withRunnerControl.find((row) => row.name === 'chaosaddons.controls.safeguards')).toMatchObject({
      status: 'native',
      detail: '@faultline/core (the runner)',
    });
  });
});
