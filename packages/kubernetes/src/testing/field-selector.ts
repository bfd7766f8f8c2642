import { StatusError } from './status-error.js';

function readPath(object: unknown, path: string): unknown {
  let current: unknown = object;
  for (const part of path.split('.')) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<string, unknown>)[part];
  }
  return current;
}

const eventFields = [
  'involvedObject.kind',
  'involvedObject.namespace',
  'involvedObject.name',
  'involvedObject.uid',
  'involvedObject.apiVersion',
  'involvedObject.resourceVersion',
  'involvedObject.fieldPath',
  'reason',
  'reportingComponent',
  'source',
  'type',
];

/**
 * The fields each resource lets you select on besides metadata.name and metadata.namespace
 * (the API server's field label conversion functions); any other field is 400 BadRequest.
 */
const supportedFields: Record<string, readonly string[]> = {
  '/pods': [
    'spec.nodeName',
    'spec.restartPolicy',
    'spec.schedulerName',
    'spec.serviceAccountName',
    'spec.hostNetwork',
    'status.phase',
    'status.podIP',
    'status.podIPs',
    'status.nominatedNodeName',
  ],
  '/nodes': ['spec.unschedulable'],
  '/namespaces': ['status.phase'],
  '/secrets': ['type'],
  '/events': eventFields,
  // The same fields under events.k8s.io's names (the objects are matched in that form).
  'events.k8s.io/events': eventFields.map((field) =>
    field.replace(/^involvedObject\./, 'regarding.').replace('reportingComponent', 'reportingController'),
  ),
  'apps/replicasets': ['status.replicas'],
  'batch/jobs': ['status.successful'],
};

/**
 * A compiled field selector (`metadata.name=x,spec.nodeName!=y,status.phase=Running`) for a
 * resource (`group/plural`); a missing field compares as "" like the real API for string fields.
 * Without a resource, any dotted path is accepted (watches on known storage).
 */
export function compileFieldSelector(selector: string | undefined, resource?: string): (object: unknown) => boolean {
  if (!selector || selector.trim() === '') return () => true;
  const terms = selector
    .split(',')
    .map((term) => term.trim())
    .filter(Boolean)
    .map((term) => {
      const match = term.match(/^([A-Za-z0-9_.]+)\s*(!=|==|=)\s*(.*)$/);
      if (!match) throw StatusError.badRequest(`invalid field selector: "${term}"`);
      const path = match[1]!;
      const known = path === 'metadata.name' || path === 'metadata.namespace';
      if (resource !== undefined && !known && !(supportedFields[resource] ?? []).includes(path))
        throw StatusError.badRequest(`field label not supported: ${path}`);
      return { path, negate: match[2] === '!=', value: match[3]! };
    });
  return (object) =>
    terms.every((term) => {
      const raw = readPath(object, term.path);
      const value = raw === undefined || raw === null ? '' : String(raw);
      return term.negate ? value !== term.value : value === term.value;
    });
}
