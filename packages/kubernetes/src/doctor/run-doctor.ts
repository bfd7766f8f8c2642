import { getKubeClient } from '../client/get-kube-client.js';
import { kubeErrorInfo } from '../client/kube-api-error.js';
import { loadKubeConfig, type KubeConnectionSource } from '../client/load-kube-config.js';
import { mapLimited } from '../client/map-limited.js';
import { activityPermissions, type Permission } from './activity-permissions.js';
import { experimentPermissions, type NeededPermission } from './experiment-permissions.js';

export interface DoctorOptions {
  /** The experiment document (parsed): only its Kubernetes/Istio activities are checked. */
  experiment?: Record<string, unknown>;
  /** Secrets (flattened) and settings, as a run would have them. */
  secrets?: Record<string, unknown>;
  settings?: Record<string, unknown>;
  env?: Readonly<Record<string, string | undefined>>;
  /** Without an experiment: check what every built-in activity needs in this namespace. */
  namespace?: string;
}

export interface PermissionCheck extends NeededPermission {
  allowed: boolean;
  reason?: string;
}

export interface DoctorReport {
  ok: boolean;
  connection: { ok: boolean; source?: KubeConnectionSource; version?: string; error?: string; hint?: string };
  permissions: PermissionCheck[];
  /** Activities of the experiment the doctor does not know. */
  unknownActivities: string[];
}

/**
 * `faultline doctor`: can we reach the cluster, and may these credentials do what the experiment
 * (or, without one, every built-in activity) needs? Each permission is asked with a
 * SelfSubjectAccessReview, so nothing is changed.
 */
export async function runDoctor(options: DoctorOptions = {}): Promise<DoctorReport> {
  const env = options.env ?? process.env;
  const ctx = { secrets: options.secrets ?? {}, settings: options.settings ?? {}, configuration: {} };
  const report: DoctorReport = { ok: false, connection: { ok: false }, permissions: [], unknownActivities: [] };
  let client;
  try {
    report.connection.source = (await loadKubeConfig(ctx, env)).source;
    client = await getKubeClient(ctx, env);
    const version = await client.version.getCode();
    report.connection = { ok: true, source: report.connection.source, version: version.gitVersion };
  } catch (error) {
    const info = kubeErrorInfo(error);
    report.connection.error = info
      ? `${info.message} (${info.code} ${info.reason})`
      : error instanceof Error
        ? error.message
        : String(error);
    report.connection.hint =
      (error as { hint?: string }).hint ??
      (info?.code === 401 ? 'the credentials were refused' : 'check the server address and that the cluster is up');
    return report;
  }
  let needed: NeededPermission[];
  if (options.experiment) {
    const result = experimentPermissions(options.experiment);
    needed = result.needed;
    report.unknownActivities = result.unknown;
  } else {
    const byKey = new Map<string, NeededPermission>();
    for (const [name, rule] of Object.entries(activityPermissions)) {
      for (const permission of rule({
        ns: options.namespace ?? 'default',
        group: 'networking.istio.io',
        plural: 'virtualservices',
      })) {
        const key = JSON.stringify(permission);
        const entry = byKey.get(key) ?? { ...permission, neededBy: [] };
        entry.neededBy.push(name);
        byKey.set(key, entry);
      }
    }
    needed = [...byKey.values()];
  }
  const reviews = await mapLimited(needed, client.limiter, (permission: Permission) =>
    client.authorization.createSelfSubjectAccessReview({
      body: {
        spec: {
          resourceAttributes: {
            verb: permission.verb,
            group: permission.group,
            resource: permission.resource,
            ...(permission.subresource ? { subresource: permission.subresource } : {}),
            ...(permission.namespace ? { namespace: permission.namespace } : {}),
          },
        },
      },
    }),
  );
  report.permissions = reviews.map((review) => {
    if (review.error) {
      const info = kubeErrorInfo(review.error);
      return {
        ...review.item,
        allowed: false,
        reason: `SelfSubjectAccessReview failed: ${info ? `${info.message} (${info.code})` : String(review.error)}`,
      };
    }
    const status = review.result?.status;
    return {
      ...review.item,
      allowed: Boolean(status?.allowed),
      ...(status?.allowed ? {} : { reason: status?.reason || status?.evaluationError || 'not allowed' }),
    };
  });
  report.ok = report.permissions.every((check) => check.allowed);
  return report;
}
