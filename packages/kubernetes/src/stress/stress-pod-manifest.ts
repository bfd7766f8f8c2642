import type { V1Pod, V1ResourceRequirements } from '@kubernetes/client-node';
import { restrictedSecurityContext } from './restricted-security-context.js';

export interface StressPodOptions {
  name: string;
  namespace: string;
  image: string;
  args: string[];
  runId: string;
  fault: string;
  /** Pin to this node (stress_node). */
  nodeName?: string;
  /** Labels of the pod it stresses (stress_pods places it beside that pod). */
  target?: string;
  /** Requests/limits of the stress container (a LimitRange or quota may require them). */
  resources?: V1ResourceRequirements;
}

/** A short-lived pod running stress-ng, labelled with the run id so `faultline revert` and people can find it. */
export function stressPodManifest(options: StressPodOptions): V1Pod {
  const runLabel = options.runId
    .replace(/[^A-Za-z0-9._-]/g, '-')
    .replace(/^[^A-Za-z0-9]+|[^A-Za-z0-9]+$/g, '')
    .slice(0, 63);
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name: options.name,
      namespace: options.namespace,
      labels: {
        'app.kubernetes.io/managed-by': 'faultline',
        'faultline.io/fault': options.fault,
        'faultline.io/run-id': runLabel,
      },
      annotations: {
        'faultline.io/run-id': options.runId,
        ...(options.target ? { 'faultline.io/target': options.target } : {}),
      },
    },
    spec: {
      ...(options.nodeName ? { nodeName: options.nodeName } : {}),
      restartPolicy: 'Never',
      terminationGracePeriodSeconds: 0,
      // Run even on tainted or cordoned nodes: the point is to load that node.
      tolerations: [{ operator: 'Exists' }],
      // Passes Pod Security `restricted`, so it runs in namespaces that enforce it.
      securityContext: { runAsNonRoot: true, seccompProfile: { type: 'RuntimeDefault' } },
      containers: [
        {
          name: 'stress-ng',
          image: options.image,
          args: options.args,
          resources: options.resources ?? {},
          securityContext: restrictedSecurityContext,
        },
      ],
    },
  };
}
