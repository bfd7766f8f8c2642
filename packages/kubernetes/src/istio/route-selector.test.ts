import { describe, expect, it } from 'vitest';
import { selectRoutes, toRouteSelector } from './route-selector.js';
import type { HttpRoute } from './virtual-service-types.js';

const http: HttpRoute[] = [
  { name: 'v2', route: [{ destination: { host: 'reviews', subset: 'v2' } }] },
  {
    route: [
      { destination: { host: 'reviews.default.svc.cluster.local', subset: 'v1' } },
      { destination: { host: 'ratings' } },
    ],
  },
  { route: [{ destination: { host: 'details' } }] },
  { redirect: { uri: '/elsewhere' } },
];

describe('selectRoutes', () => {
  it('selects every http route when no selector is given, except redirects and delegations (Istio rejects a fault there)', () => {
    expect(selectRoutes(http, undefined, 'default')).toEqual([0, 1, 2]);
    expect(selectRoutes(http, [], 'default')).toEqual([0, 1, 2]);
    expect(
      selectRoutes(
        [{ delegate: { name: 'child' } }, { route: [{ destination: { host: 'a' } }] }],
        undefined,
        'default',
      ),
    ).toEqual([1]);
  });

  it('matches a short name against an FQDN and the other way round', () => {
    expect(selectRoutes(http, [{ host: 'reviews' }], 'default')).toEqual([0, 1]);
    expect(selectRoutes(http, [{ host: 'details.default.svc.cluster.local' }], 'default')).toEqual([2]);
    expect(selectRoutes(http, [{ host: 'reviews.other.svc.cluster.local' }], 'default')).toEqual([]);
  });

  it('narrows by subset when one is given', () => {
    expect(selectRoutes(http, [{ host: 'reviews', subset: 'v1' }], 'default')).toEqual([1]);
    expect(selectRoutes(http, [{ host: 'reviews.default.svc.cluster.local', subset: 'v2' }], 'default')).toEqual([0]);
    expect(selectRoutes(http, [{ host: 'ratings', subset: 'v1' }], 'default')).toEqual([]);
  });

  it("reads chaosistio's {destination: {...}} and the flat form alike", () => {
    expect(toRouteSelector({ destination: { host: 'reviews', subset: 'v1' } })).toEqual({
      host: 'reviews',
      subset: 'v1',
    });
    expect(toRouteSelector({ host: 'reviews' })).toEqual({ host: 'reviews' });
  });
});
