import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';
import { activityPermissions } from './activity-permissions.js';
import { userGrantedActivities } from './upstream-activity-permissions.js';
import { driver } from '../activities/index.js';

interface Rule {
  apiGroups: string[];
  resources: string[];
  verbs: string[];
}
const documents = parseAllDocuments(readFileSync(new URL('../../../../deploy/rbac.yaml', import.meta.url), 'utf8')).map(
  (doc) => doc.toJSON() as { kind: string; metadata: { name: string }; rules?: Rule[] },
);

describe('deploy/rbac.yaml', () => {
  const roles = new Map(
    documents.filter((doc) => doc.kind === 'ClusterRole').map((doc) => [doc.metadata.name, doc.rules ?? []]),
  );

  it('grants every permission each built-in activity needs (cluster-wide ones in faultline-cluster)', () => {
    for (const [activity, rule] of Object.entries(activityPermissions)) {
      if (userGrantedActivities.has(activity)) continue;
      for (const permission of rule({ ns: 'shop', group: 'networking.istio.io', plural: 'virtualservices' })) {
        const resource = permission.subresource
          ? `${permission.resource}/${permission.subresource}`
          : permission.resource;
        const grants = (rules: Rule[]) =>
          rules.some(
            (r) =>
              r.apiGroups.includes(permission.group) &&
              r.resources.includes(resource) &&
              r.verbs.includes(permission.verb),
          );
        const role = permission.namespace
          ? [...(roles.get('faultline-target') ?? []), ...(roles.get('faultline-cluster') ?? [])]
          : (roles.get('faultline-cluster') ?? []);
        expect(
          grants(role),
          `${activity}: ${permission.verb} ${resource}.${permission.group} ${permission.namespace ?? 'cluster-wide'}`,
        ).toBe(true);
      }
    }
  });

  it('knows the permissions of every activity of the driver', () => {
    const missing = driver.activities.map((activity) => activity.name).filter((name) => !(name in activityPermissions));
    expect(missing).toEqual([]);
  });
});
