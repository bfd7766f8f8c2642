import { describe, expect, it } from 'vitest';
import { ActivityFailedError } from '@faultline/core';
import { planFaultChanges } from './plan-fault-changes.js';
import { planRestore } from './plan-restore.js';
import { routeIdentity } from './route-identity.js';
import type { VirtualService } from './virtual-service-types.js';

const abort = { httpStatus: 500 };
const delay = { fixedDelay: '3s' };
const vs = (): VirtualService => ({
  metadata: { name: 'reviews-vs', namespace: 'default', resourceVersion: '7' },
  spec: {
    hosts: ['reviews'],
    http: [
      {
        name: 'canary',
        match: [{ headers: { 'end-user': { exact: 'jason' } } }],
        route: [{ destination: { host: 'reviews', subset: 'v2' } }],
        fault: { abort },
      },
      { route: [{ destination: { host: 'reviews', subset: 'v1' } }] },
    ],
  },
});

describe('planFaultChanges', () => {
  it('lists every selected route with its fault before and after', () => {
    const changes = planFaultChanges(vs(), undefined, 'default', { kind: 'add-delay', delay });
    expect(changes.map((change) => [change.index, change.before, change.after])).toEqual([
      [0, { abort }, { abort, delay }],
      [1, null, { delay }],
    ]);
    expect(changes[0]!.identity).toEqual({
      name: 'canary',
      matchHash: expect.stringMatching(/^[0-9a-f]{32}$/),
      destinations: [{ host: 'reviews', subset: 'v2' }],
    });
    // Header values of match rules stay out of reverts (and so out of journals).
    expect(JSON.stringify(changes)).not.toContain('jason');
  });

  it('fails loudly, naming the existing hosts, when no route is selected', () => {
    const plan = () => planFaultChanges(vs(), [{ host: 'ratings' }], 'default', { kind: 'unset' });
    expect(plan).toThrow(ActivityFailedError);
    try {
      plan();
    } catch (error) {
      expect((error as ActivityFailedError).hint).toContain('reviews (subset v2)');
    }
    expect(() =>
      planFaultChanges({ metadata: { name: 'empty' }, spec: {} }, undefined, 'default', { kind: 'unset' }),
    ).toThrow(/no http routes/);
    expect(() =>
      planFaultChanges(
        { metadata: { name: 'moved' }, spec: { http: [{ redirect: { uri: '/new' } }] } },
        undefined,
        'default',
        { kind: 'unset' },
      ),
    ).toThrow(/redirect and delegate routes cannot/);
  });
});

describe('planRestore', () => {
  it('finds a route moved to another index by its identity and puts its fault back exactly', () => {
    const before = vs();
    const [canary] = planFaultChanges(before, [{ host: 'reviews', subset: 'v2' }], 'default', { kind: 'unset' });
    const now = vs();
    now.spec!.http!.reverse();
    now.spec!.http![1]!.fault = { delay };
    const { changes, missing } = planRestore(now, [
      { index: canary!.index, identity: JSON.parse(JSON.stringify(canary!.identity)), fault: canary!.before },
    ]);
    expect(missing).toEqual([]);
    expect(changes).toEqual([{ index: 1, identity: canary!.identity, before: { delay }, after: { abort } }]);
  });

  it('reports routes that are gone instead of touching another one', () => {
    const now = vs();
    now.spec!.http!.splice(0, 1);
    const { changes, missing } = planRestore(now, [
      { index: 0, identity: { name: 'canary', destinations: [{ host: 'reviews', subset: 'v2' }] }, fault: null },
    ]);
    expect(changes).toEqual([]);
    expect(missing).toHaveLength(1);
  });
});

describe('route identity', () => {
  it('tells routes apart by their match conditions, whatever the key order', () => {
    const a = routeIdentity({
      match: [{ uri: { prefix: '/a' }, headers: { x: { exact: '1' } } }],
      route: [{ destination: { host: 'h' } }],
    });
    const reordered = routeIdentity({
      match: [{ headers: { x: { exact: '1' } }, uri: { prefix: '/a' } }],
      route: [{ destination: { host: 'h' } }],
    });
    const other = routeIdentity({
      match: [{ uri: { prefix: '/b' }, headers: { x: { exact: '1' } } }],
      route: [{ destination: { host: 'h' } }],
    });
    expect(a).toEqual(reordered);
    expect(a.matchHash).not.toBe(other.matchHash);
  });
});
