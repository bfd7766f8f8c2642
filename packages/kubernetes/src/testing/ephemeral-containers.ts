import type { KubeObject } from './resource-types.js';
import { StatusError } from './status-error.js';

interface EphemeralContainer {
  name: string;
  targetContainerName?: string;
  resources?: Record<string, unknown>;
  [key: string]: unknown;
}

/** Fields an ephemeral container may not have (the API's ValidateEphemeralContainers). */
const forbidden = ['ports', 'livenessProbe', 'readinessProbe', 'startupProbe', 'lifecycle'];

/**
 * Validate an update of pods/ephemeralcontainers like the API server: existing ephemeral containers
 * can never be removed or changed, a targetContainerName must name a container of the pod, and
 * resources, ports, probes and lifecycle are forbidden. 422 Invalid otherwise.
 */
export function checkEphemeralContainers(current: KubeObject, next: KubeObject): EphemeralContainer[] {
  const name = current.metadata?.name ?? '';
  const spec = current['spec'] as { containers?: Array<{ name: string }>; ephemeralContainers?: EphemeralContainer[] };
  const before = spec.ephemeralContainers ?? [];
  const after = (next['spec'] as { ephemeralContainers?: EphemeralContainer[] } | undefined)?.ephemeralContainers ?? [];
  const causes: Array<{ field: string; message: string }> = [];
  for (const container of before) {
    const kept = after.find((candidate) => candidate.name === container.name);
    if (!kept || JSON.stringify(kept) !== JSON.stringify(container))
      causes.push({
        field: 'spec.ephemeralContainers',
        message: 'Forbidden: existing ephemeral containers may not be removed or changed',
      });
  }
  const containers = new Set((spec.containers ?? []).map((container) => container.name));
  after.forEach((container, index) => {
    const field = `spec.ephemeralContainers[${index}]`;
    if (container.targetContainerName !== undefined && !containers.has(container.targetContainerName))
      causes.push({ field: `${field}.targetContainerName`, message: `Not found: "${container.targetContainerName}"` });
    if (containers.has(container.name))
      causes.push({ field: `${field}.name`, message: `Duplicate value: "${container.name}"` });
    if (container.resources && Object.values(container.resources).some((value) => value && Object.keys(value).length))
      causes.push({ field: `${field}.resources`, message: 'Forbidden: cannot be set for an Ephemeral Container' });
    for (const key of forbidden)
      if (container[key] !== undefined)
        causes.push({ field: `${field}.${key}`, message: 'Forbidden: cannot be set for an Ephemeral Container' });
  });
  if (causes.length > 0) throw StatusError.invalid('Pod', name, causes);
  return after;
}
