import { stringify } from 'yaml';
import type { KubeObject } from '../testing/resource-types.js';

/** The objects as one multi-document YAML stream (for GitOps repositories and `kubectl apply -f -`). */
export function scheduleYaml(objects: readonly KubeObject[]): string {
  return objects.map((object) => `---\n${stringify(object, { lineWidth: 0 })}`).join('');
}
