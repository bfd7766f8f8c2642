/** A Kubernetes object as plain JSON, as read from a file or the API. */
export interface KubeManifest {
  apiVersion?: string;
  kind?: string;
  metadata?: {
    name?: string;
    generateName?: string;
    namespace?: string;
    uid?: string;
    labels?: Record<string, string>;
    [key: string]: unknown;
  };
  [key: string]: unknown;
}

const serverFields = [
  'uid',
  'resourceVersion',
  'creationTimestamp',
  'generation',
  'managedFields',
  'selfLink',
  'deletionTimestamp',
  'deletionGracePeriodSeconds',
];

/** The object as it can be created again: what the server set (uid, versions, status) removed. */
export function recreatable(object: KubeManifest): KubeManifest {
  const { status: _status, metadata, ...rest } = object;
  const cleaned: Record<string, unknown> = { ...(metadata ?? {}) };
  for (const field of serverFields) delete cleaned[field];
  return { ...rest, metadata: cleaned } as KubeManifest;
}
