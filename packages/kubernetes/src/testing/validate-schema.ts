import type { KubeObject, ResourceType } from './resource-types.js';
import { StatusError } from './status-error.js';

type Model = new (data: unknown) => { validate(): void };

const models = new Map<string, Promise<Model | undefined>>();

/** The kubernetes-models (or @kubernetes-models/istio) class of a kind, loaded once, lazily. */
function modelOf(type: ResourceType, version: string): Promise<Model | undefined> {
  const key = `${type.group}/${version}/${type.kind}`;
  let model = models.get(key);
  if (!model) {
    const path = type.group.endsWith('istio.io')
      ? `@kubernetes-models/istio/${type.group}/${version}/${type.kind}`
      : `kubernetes-models/${type.group ? `${type.group}/` : ''}${version}/${type.kind}`;
    model = import(path).then(
      (module: Record<string, Model>) => module[type.kind],
      () => undefined, // a kind without a published schema is not checked
    );
    models.set(key, model);
  }
  return model;
}

/** "data/spec/containers/0 must have required property name" → field "spec.containers[0]". */
function cause(line: string): { field: string; message: string } {
  const match = /^data((?:\/[^\s]*)?)\s+(.*)$/.exec(line.trim());
  if (!match) return { field: '<root>', message: line.trim() };
  const field =
    match[1]!
      .split('/')
      .filter(Boolean)
      .map((part) => (/^\d+$/.test(part) ? `[${part}]` : `.${part}`))
      .join('')
      .replace(/^\./, '') || '<root>';
  return { field, message: `Invalid value: ${match[2]}` };
}

/**
 * Validate a written object against the official OpenAPI schema of its kind, as the API server
 * does before storing it: a violation is 422 Invalid with one cause per problem.
 */
export async function validateSchema(type: ResourceType, version: string, object: KubeObject): Promise<void> {
  const model = await modelOf(type, version);
  if (!model) return;
  const apiVersion = type.group ? `${type.group}/${version}` : version;
  try {
    // The main resource ignores status on writes (it has its own subresource): check the rest.
    const { status: _status, ...rest } = object;
    new model({ ...rest, apiVersion, kind: type.kind }).validate();
  } catch (error) {
    const lines = String((error as Error).message ?? error)
      .split(/,\s*(?=data)/)
      .filter(Boolean);
    throw StatusError.invalid(type.kind, object.metadata?.name ?? '', lines.map(cause));
  }
}
