import type { ActivityContext } from '@faultline/core';
import { getKubeClient } from '../client/get-kube-client.js';
import { kubeFailure } from '../client/kube-api-error.js';
import { toPlainJson } from '../client/to-plain-json.js';
import { customObjectApi } from '../crd/custom-object-api.js';
import { chaosMesh } from './chaos-mesh-spec.js';

/** One Chaos Mesh object of `plural` (with a name) or their list (without), as the API returns it. */
export async function readChaosMesh(
  ctx: Pick<ActivityContext, 'secrets' | 'settings' | 'configuration'>,
  activity: string,
  plural: 'networkchaos' | 'stresschaos',
  ns: string,
  name?: string,
): Promise<unknown> {
  const client = await getKubeClient(ctx);
  const ref = { group: chaosMesh.group, version: chaosMesh.version, plural, namespace: ns };
  try {
    const api = customObjectApi(client);
    return toPlainJson(name === undefined ? await api.list(ref) : await api.get({ ...ref, name }));
  } catch (error) {
    throw kubeFailure(`${activity}: reading ${plural}.${chaosMesh.group} in ${ns}${name ? ` (${name})` : ''}`, error);
  }
}
