import { UsageError } from '@faultline/core';
import { experimentPermissions } from '../doctor/experiment-permissions.js';
import type { KubeObject } from '../testing/resource-types.js';
import { checkCron } from './cron-schedule.js';
import { rbacForPermissions } from './rbac-for-permissions.js';
import { scheduleLabels } from './schedule-labels.js';

export interface ScheduleSpec {
  /** DNS label; the objects are named `faultline-<name>`. */
  name: string;
  namespace: string;
  /** Five-field cron expression (checked with croner). */
  cron: string;
  timeZone?: string;
  /** The ConfigMap's files, kept as written: the experiment, or a plan and the experiments it names. */
  files: Record<string, string>;
  /** What the Job runs: an experiment (`faultline run`) or a game day plan (`faultline gameday run`). */
  entry: { kind: 'experiment' | 'plan'; file: string };
  /** The experiment documents, for the permissions their activities need. */
  experiments: Array<Record<string, unknown>>;
  /** Seconds: the run's --max-duration. */
  maxDurationSeconds: number;
  image: string;
  suspend?: boolean;
  /** The Secret key holding the runs store's URL (FAULTLINE_STORE, e.g. postgres://…); none: no store. */
  storeSecret?: { name: string; key: string };
}

export interface RenderedSchedule {
  objects: KubeObject[];
  /** Kubernetes activities whose permissions are unknown (not granted). */
  unknownActivities: string[];
}

/** Where the ConfigMap is mounted in the pod. */
export const experimentMountPath = '/etc/faultline';
/** The pod's user: the image's non-root user (Dockerfile). */
const podUser = 10001;
/** Time the run gets after SIGTERM to revert its faults (the pod's grace period). */
const revertGraceSeconds = 60;

const restrictedContainer = {
  allowPrivilegeEscalation: false,
  readOnlyRootFilesystem: true,
  runAsNonRoot: true,
  capabilities: { drop: ['ALL'] },
  seccompProfile: { type: 'RuntimeDefault' },
};

/**
 * The objects of a schedule: ServiceAccount, ConfigMap with the experiment, RBAC granting what the
 * activities need, and a CronJob whose pod passes Pod Security `restricted`.
 */
export async function renderSchedule(spec: ScheduleSpec): Promise<RenderedSchedule> {
  if (!/^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/.test(spec.name) || spec.name.length > 42)
    throw new UsageError(`invalid schedule name "${spec.name}"`, {
      hint: 'lowercase letters, digits and "-", at most 42 characters (a CronJob name is at most 52)',
    });
  if (!(Number.isInteger(spec.maxDurationSeconds) && spec.maxDurationSeconds > 0))
    throw new UsageError('the max duration of a scheduled run must be a positive whole number of seconds');
  await checkCron(spec.cron, spec.timeZone);
  const name = `faultline-${spec.name}`;
  const labels = scheduleLabels(spec.name, spec.namespace);
  const metadata = { name, namespace: spec.namespace, labels };
  for (const file of Object.keys(spec.files))
    if (!/^[-._a-zA-Z0-9]+$/.test(file))
      throw new UsageError(`"${file}" cannot be a ConfigMap key`, {
        hint: 'a scheduled plan names its experiments by file name, next to the plan (no folders)',
      });
  const checked = spec.experiments.map((experiment) => experimentPermissions(experiment));
  const unknown = [...new Set(checked.flatMap((result) => result.unknown))];
  const permissions = checked.flatMap((result) =>
    result.needed.map(({ neededBy: _neededBy, ...permission }) => permission),
  );
  const rbac = rbacForPermissions(permissions, {
    name: spec.name,
    namespace: spec.namespace,
    serviceAccount: name,
    labels,
    // The Job writes its result summary on its own ConfigMap, and nothing else.
    ownRules: [{ apiGroups: [''], resources: ['configmaps'], verbs: ['get', 'patch'], resourceNames: [name] }],
  });
  const cronJob: KubeObject = {
    apiVersion: 'batch/v1',
    kind: 'CronJob',
    metadata,
    spec: {
      schedule: spec.cron,
      ...(spec.timeZone ? { timeZone: spec.timeZone } : {}),
      concurrencyPolicy: 'Forbid',
      suspend: spec.suspend ?? false,
      startingDeadlineSeconds: 300,
      successfulJobsHistoryLimit: 3,
      failedJobsHistoryLimit: 3,
      jobTemplate: {
        metadata: { labels },
        spec: {
          // A failed chaos run is a result, not something to retry.
          backoffLimit: 0,
          // The run interrupts itself at --max-duration and reverts; the deadline leaves it time to.
          activeDeadlineSeconds: spec.maxDurationSeconds + revertGraceSeconds * 2,
          ttlSecondsAfterFinished: 86400,
          template: {
            metadata: { labels },
            spec: {
              serviceAccountName: name,
              restartPolicy: 'Never',
              terminationGracePeriodSeconds: revertGraceSeconds,
              securityContext: {
                runAsNonRoot: true,
                runAsUser: podUser,
                runAsGroup: podUser,
                seccompProfile: { type: 'RuntimeDefault' },
              },
              containers: [
                {
                  name: 'faultline',
                  image: spec.image,
                  imagePullPolicy: 'IfNotPresent',
                  command: ['faultline'],
                  args: [
                    'schedule',
                    'job',
                    ...(spec.entry.kind === 'plan' ? ['--plan'] : []),
                    `${experimentMountPath}/${spec.entry.file}`,
                    '--max-duration',
                    `${spec.maxDurationSeconds}s`,
                  ],
                  workingDir: '/tmp',
                  env: [
                    { name: 'FAULTLINE_IN_POD', value: 'true' },
                    { name: 'FAULTLINE_SCHEDULE', value: spec.name },
                    { name: 'FAULTLINE_SCHEDULE_CONFIGMAP', value: name },
                    { name: 'FAULTLINE_NAMESPACE', valueFrom: { fieldRef: { fieldPath: 'metadata.namespace' } } },
                    { name: 'HOME', value: '/tmp' },
                    ...(spec.storeSecret
                      ? [{ name: 'FAULTLINE_STORE', valueFrom: { secretKeyRef: spec.storeSecret } }]
                      : []),
                  ],
                  resources: { requests: { cpu: '100m', memory: '128Mi' }, limits: { memory: '512Mi' } },
                  securityContext: restrictedContainer,
                  volumeMounts: [
                    { name: 'experiment', mountPath: experimentMountPath, readOnly: true },
                    { name: 'tmp', mountPath: '/tmp' },
                  ],
                },
              ],
              volumes: [
                { name: 'experiment', configMap: { name } },
                { name: 'tmp', emptyDir: { sizeLimit: '64Mi' } },
              ],
            },
          },
        },
      },
    },
  };
  const objects: KubeObject[] = [
    { apiVersion: 'v1', kind: 'ServiceAccount', metadata },
    { apiVersion: 'v1', kind: 'ConfigMap', metadata, data: spec.files },
    ...rbac,
    cronJob,
  ];
  return { objects, unknownActivities: unknown };
}
