import type { ActivityContext } from '@faultline/core';
import { getKubeClient } from '../client/get-kube-client.js';
import { kubeFailure } from '../client/kube-api-error.js';
import { toPlainJson } from '../client/to-plain-json.js';
import type { KubeManifest } from './kube-manifest.js';
import { objectApi } from './object-api.js';

export interface ObjectQuery {
  apiVersion: string;
  kind: string;
  namespace?: string;
  /** Exact name (a field selector, as chaosk8s asks for it). */
  name?: string;
  labelSelector?: string;
}

/** List objects of one kind by name and/or label selector, as plain JSON. */
export async function listObjects(
  ctx: Pick<ActivityContext, 'secrets' | 'settings' | 'configuration'>,
  activity: string,
  query: ObjectQuery,
): Promise<KubeManifest[]> {
  const client = await getKubeClient(ctx);
  try {
    const list = await objectApi(client).list(
      query.apiVersion,
      query.kind,
      query.namespace,
      undefined,
      undefined,
      undefined,
      query.name ? `metadata.name=${query.name}` : undefined,
      query.labelSelector || undefined,
    );
    return (toPlainJson(list) as { items?: KubeManifest[] }).items ?? [];
  } catch (error) {
    throw kubeFailure(
      `${activity}: listing ${query.kind} objects${query.namespace ? ` in ${query.namespace}` : ''}`,
      error,
    );
  }
}
