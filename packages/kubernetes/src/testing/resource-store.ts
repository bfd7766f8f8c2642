import { randomUUID } from 'node:crypto';
import { compileFieldSelector } from './field-selector.js';
import { compileLabelSelector } from './label-selector.js';
import { ResourceRegistry } from './resource-registry.js';
import type { KubeObject, ResourceType } from './resource-types.js';
import { StatusError } from './status-error.js';

export type WatchEventType = 'ADDED' | 'MODIFIED' | 'DELETED';

export interface StoreEvent {
  type: WatchEventType;
  /** `group/plural`, e.g. "apps/deployments", "/pods" for core. */
  storage: string;
  resource: ResourceType;
  object: KubeObject;
  resourceVersion: number;
}

export interface ListOptions {
  namespace?: string;
  labelSelector?: string;
  fieldSelector?: string;
  limit?: number;
  continue?: string;
}

export interface ListResult {
  items: KubeObject[];
  resourceVersion: string;
  continue?: string;
  remainingItemCount?: number;
}

/** A resource by its type, or by "plural" / "group/plural" ("pods", "apps/deployments"). */
export type ResourceRef = ResourceType | string;

const nameChars = 'bcdfghjklmnpqrstvwxz2456789';
const dnsSubdomain = /^[a-z0-9]([-a-z0-9.]*[a-z0-9])?$/;
const historyLimit = 10_000;

function randomSuffix(length = 5): string {
  let out = '';
  for (let i = 0; i < length; i += 1) out += nameChars[Math.floor(Math.random() * nameChars.length)];
  return out;
}

function storageOf(type: ResourceType): string {
  return type.storedAs ?? `${type.group}/${type.plural}`;
}

type EventFields = Record<string, unknown>;

/** core/v1 Event → events.k8s.io/v1 Event (the API server converts between the two views). */
function toEventsV1(object: KubeObject): KubeObject {
  const {
    involvedObject,
    message,
    source,
    reportingComponent,
    reportingInstance,
    firstTimestamp,
    lastTimestamp,
    count,
    ...rest
  } = object as EventFields;
  return {
    ...rest,
    regarding: involvedObject,
    note: message,
    reportingController: reportingComponent ?? (source as { component?: string } | undefined)?.component,
    reportingInstance,
    deprecatedFirstTimestamp: firstTimestamp,
    deprecatedLastTimestamp: lastTimestamp,
    deprecatedCount: count,
    deprecatedSource: source,
  } as KubeObject;
}

/** events.k8s.io/v1 Event → core/v1 Event, for writes through the events.k8s.io view. */
function fromEventsV1(object: KubeObject): KubeObject {
  const {
    regarding,
    note,
    reportingController,
    deprecatedFirstTimestamp,
    deprecatedLastTimestamp,
    deprecatedCount,
    deprecatedSource,
    ...rest
  } = object as EventFields;
  return {
    ...rest,
    involvedObject: regarding,
    message: note,
    reportingComponent: reportingController,
    firstTimestamp: deprecatedFirstTimestamp,
    lastTimestamp: deprecatedLastTimestamp,
    count: deprecatedCount,
    source: deprecatedSource,
  } as KubeObject;
}

/**
 * The fake API server's state: every object of every served resource type, a global
 * resourceVersion counter (like etcd's revision), change listeners and a bounded event history
 * so watches can resume from a resourceVersion. Objects go in and out as deep copies.
 */
export class ResourceStore {
  readonly registry: ResourceRegistry;
  private revision = 0;
  private readonly data = new Map<string, Map<string, KubeObject>>();
  private readonly sortedKeys = new Map<string, string[]>();
  private readonly listeners = new Set<(event: StoreEvent) => void>();
  private readonly history: StoreEvent[] = [];
  private droppedUpTo = 0;
  /** Pod logs served by GET …/pods/<name>/log, keyed "namespace/name". */
  readonly podLogs = new Map<string, string>();

  constructor(registry = new ResourceRegistry()) {
    this.registry = registry;
  }

  get resourceVersion(): string {
    return String(this.revision);
  }

  resolve(ref: ResourceRef): ResourceType {
    if (typeof ref !== 'string') return ref;
    const [group, plural] = ref.includes('/') ? ref.split('/') : ['', ref];
    const versions = this.registry.groups().get(group!) ?? [];
    for (const version of versions) {
      const type = this.registry.find(group!, version, plural!);
      if (type) return type;
    }
    throw new Error(`fake API server: unknown resource "${ref}"`);
  }

  /** Subscribe to every change; returns the unsubscribe function. */
  onChange(listener: (event: StoreEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Events after `resourceVersion`, or undefined when that version is too old (HTTP 410 Gone). */
  eventsSince(resourceVersion: number): StoreEvent[] | undefined {
    if (resourceVersion < this.droppedUpTo) return undefined;
    return this.history.filter((event) => event.resourceVersion > resourceVersion);
  }

  /** Every stored object of a type, uncopied: for controllers that scan often. Do not mutate. */
  *scan(ref: ResourceRef, namespace?: string): Iterable<Readonly<KubeObject>> {
    const type = this.resolve(ref);
    for (const [key, object] of this.bucket(type)) {
      if (!namespace || key.startsWith(`${namespace}/`)) yield object;
    }
  }

  get(ref: ResourceRef, namespace: string | undefined, name: string, version?: string): KubeObject | undefined {
    const type = this.resolve(ref);
    const object = this.bucket(type).get(this.key(type, namespace, name));
    return object ? this.output(type, object, version) : undefined;
  }

  mustGet(ref: ResourceRef, namespace: string | undefined, name: string, version?: string): KubeObject {
    const type = this.resolve(ref);
    const object = this.get(type, namespace, name, version);
    if (!object) throw StatusError.notFound(type.group, type.plural, name);
    return object;
  }

  list(ref: ResourceRef, options: ListOptions = {}, version?: string): ListResult {
    const type = this.resolve(ref);
    const bucket = this.bucket(type);
    const matchLabels = compileLabelSelector(options.labelSelector);
    const matchFields = compileFieldSelector(options.fieldSelector, `${type.group}/${type.plural}`);
    let keys = this.sortedKeys.get(storageOf(type));
    if (!keys) {
      keys = [...bucket.keys()].sort();
      this.sortedKeys.set(storageOf(type), keys);
    }
    let start = 0;
    if (options.continue) {
      let token: { start?: string };
      try {
        token = JSON.parse(Buffer.from(options.continue, 'base64url').toString('utf8')) as { start?: string };
      } catch {
        throw StatusError.badRequest('continue key is not valid: illegal base64 data');
      }
      const after = token.start ?? '';
      let low = 0;
      let high = keys.length;
      while (low < high) {
        const mid = (low + high) >> 1;
        if (keys[mid]! <= after) low = mid + 1;
        else high = mid;
      }
      start = low;
    }
    const prefix = type.namespaced && options.namespace ? `${options.namespace}/` : undefined;
    const limit = options.limit && options.limit > 0 ? options.limit : Number.POSITIVE_INFINITY;
    const items: KubeObject[] = [];
    let lastKey: string | undefined;
    let index = start;
    for (; index < keys.length && items.length < limit; index += 1) {
      const key = keys[index]!;
      if (prefix && !key.startsWith(prefix)) continue;
      const object = bucket.get(key)!;
      if (!matchLabels(object.metadata?.labels)) continue;
      const view = type.storedAs ? this.output(type, object, version) : object;
      if (!matchFields(view)) continue;
      items.push(view === object ? this.output(type, object, version) : view);
      lastKey = key;
    }
    const result: ListResult = { items, resourceVersion: this.resourceVersion };
    if (items.length >= limit && lastKey !== undefined) {
      // Only hand out a continue token when something could follow (the real API does the same).
      const more = keys.slice(index).some((key) => !prefix || key.startsWith(prefix));
      if (more)
        result.continue = Buffer.from(JSON.stringify({ start: lastKey, rv: this.revision })).toString('base64url');
    }
    return result;
  }

  /** POST: a new object; fills uid, resourceVersion, creationTimestamp, generation, generateName. */
  create(
    ref: ResourceRef,
    namespace: string | undefined,
    body: KubeObject,
    version?: string,
    options: { keepCreationTimestamp?: boolean } = {},
  ): KubeObject {
    const type = this.resolve(ref);
    const object = type.group === 'events.k8s.io' ? fromEventsV1(structuredClone(body)) : structuredClone(body);
    const metadata = (object.metadata ??= {});
    if (!metadata.name && metadata.generateName) metadata.name = `${metadata.generateName}${randomSuffix()}`;
    const name = metadata.name ?? '';
    if (!name)
      throw StatusError.invalid(type.kind, '', [
        { field: 'metadata.name', message: 'Required value: name or generateName is required' },
      ]);
    if (name.length > 253 || !dnsSubdomain.test(name)) {
      throw StatusError.invalid(type.kind, name, [
        {
          field: 'metadata.name',
          message: `Invalid value: "${name}": a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character`,
        },
      ]);
    }
    if (type.namespaced) {
      if (!namespace)
        throw StatusError.badRequest(
          `the namespace of the provided object does not match the namespace sent on the request`,
        );
      if (metadata.namespace && metadata.namespace !== namespace)
        throw StatusError.badRequest(
          'the namespace of the provided object does not match the namespace sent on the request',
        );
      metadata.namespace = namespace;
      if (!this.bucket(this.resolve('namespaces')).has(`/${namespace}`)) {
        throw new StatusError(404, 'NotFound', `namespaces "${namespace}" not found`, {
          name: namespace,
          kind: 'namespaces',
        });
      }
    } else delete metadata.namespace;
    const key = this.key(type, namespace, name);
    const bucket = this.bucket(type);
    if (bucket.has(key)) throw StatusError.alreadyExists(type.group, type.plural, name);
    metadata.uid = randomUUID();
    if (!options.keepCreationTimestamp || !metadata.creationTimestamp)
      metadata.creationTimestamp = new Date().toISOString().replace(/\.\d+Z$/, 'Z');
    metadata.generation = 1;
    const stored = type.storedAs ? this.resolve(type.storedAs) : type;
    object.apiVersion = stored.group ? `${stored.group}/${stored.versions[0]}` : stored.versions[0]!;
    object.kind = stored.kind;
    if (type.plural === 'namespaces') object.status ??= { phase: 'Active' };
    metadata.resourceVersion = String(++this.revision);
    bucket.set(key, object);
    this.sortedKeys.delete(storageOf(type));
    this.emit('ADDED', type, object);
    return this.output(type, object, version);
  }

  /** PUT: replace; a stale `metadata.resourceVersion` is a 409 Conflict like the real API. */
  replace(
    ref: ResourceRef,
    namespace: string | undefined,
    name: string,
    body: KubeObject,
    version?: string,
  ): KubeObject {
    const type = this.resolve(ref);
    const bucket = this.bucket(type);
    const key = this.key(type, namespace, name);
    const current = bucket.get(key);
    if (!current) throw StatusError.notFound(type.group, type.plural, name);
    const object = structuredClone(body);
    const metadata = (object.metadata ??= {});
    if (metadata.name && metadata.name !== name)
      throw StatusError.badRequest(
        `the name of the object (${metadata.name}) does not match the name on the URL (${name})`,
      );
    if (metadata.resourceVersion && metadata.resourceVersion !== current.metadata!.resourceVersion)
      throw StatusError.conflict(type.group, type.plural, name);
    return this.commit(type, key, current, object, version);
  }

  /** Read-modify-write without a version check (controllers, patches, test setup). */
  update(
    ref: ResourceRef,
    namespace: string | undefined,
    name: string,
    mutate: (object: KubeObject) => KubeObject | void,
    version?: string,
  ): KubeObject {
    const type = this.resolve(ref);
    const bucket = this.bucket(type);
    const key = this.key(type, namespace, name);
    const current = bucket.get(key);
    if (!current) throw StatusError.notFound(type.group, type.plural, name);
    const draft = structuredClone(current);
    const next = mutate(draft) ?? draft;
    const metadata = (next.metadata ??= {});
    if (metadata.resourceVersion && metadata.resourceVersion !== current.metadata!.resourceVersion)
      throw StatusError.conflict(type.group, type.plural, name);
    return this.commit(type, key, current, next, version);
  }

  delete(ref: ResourceRef, namespace: string | undefined, name: string, version?: string): KubeObject {
    const type = this.resolve(ref);
    const bucket = this.bucket(type);
    const key = this.key(type, namespace, name);
    const current = bucket.get(key);
    if (!current) throw StatusError.notFound(type.group, type.plural, name);
    bucket.delete(key);
    this.sortedKeys.delete(storageOf(type));
    const deleted = structuredClone(current);
    deleted.metadata!.resourceVersion = String(++this.revision);
    deleted.metadata!.deletionTimestamp ??= new Date().toISOString().replace(/\.\d+Z$/, 'Z');
    this.emit('DELETED', type, deleted);
    if (type.plural === 'pods') this.podLogs.delete(`${namespace}/${name}`);
    return this.output(type, deleted, version);
  }

  /**
   * Test setup: create or overwrite an object by its apiVersion/kind, creating its namespace
   * when missing (the HTTP API would refuse with 404 instead); a given creationTimestamp is kept.
   */
  put(object: KubeObject): KubeObject {
    const type = this.registry.findByKind(object.apiVersion ?? 'v1', object.kind ?? '');
    if (!type) throw new Error(`fake API server: no resource type for ${object.apiVersion} ${object.kind}`);
    const namespace = type.namespaced ? (object.metadata?.namespace ?? 'default') : undefined;
    if (namespace && !this.get('namespaces', undefined, namespace))
      this.create('namespaces', undefined, { metadata: { name: namespace } });
    const name = object.metadata?.name ?? '';
    if (name && this.get(type, namespace, name)) {
      return this.update(type, namespace, name, (current) => ({
        ...structuredClone(object),
        metadata: {
          ...object.metadata,
          uid: current.metadata?.uid,
          creationTimestamp: current.metadata?.creationTimestamp,
          resourceVersion: undefined,
        },
      }));
    }
    return this.create(type, namespace, object, undefined, { keepCreationTimestamp: true });
  }

  /** Number of objects of a type (all namespaces): cheap, for benchmarks and assertions. */
  count(ref: ResourceRef, namespace?: string): number {
    const type = this.resolve(ref);
    if (!namespace) return this.bucket(type).size;
    let count = 0;
    for (const key of this.bucket(type).keys()) if (key.startsWith(`${namespace}/`)) count += 1;
    return count;
  }

  private commit(type: ResourceType, key: string, current: KubeObject, next: KubeObject, version?: string): KubeObject {
    const metadata = (next.metadata ??= {});
    metadata.name = current.metadata!.name;
    if (type.namespaced) metadata.namespace = current.metadata!.namespace;
    metadata.uid = current.metadata!.uid;
    metadata.creationTimestamp = current.metadata!.creationTimestamp;
    next.apiVersion = current.apiVersion;
    next.kind = current.kind;
    const specChanged = JSON.stringify(next['spec']) !== JSON.stringify(current['spec']);
    metadata.generation = (current.metadata!.generation ?? 1) + (specChanged ? 1 : 0);
    if (
      JSON.stringify({ ...next, metadata: { ...metadata, resourceVersion: undefined } }) ===
      JSON.stringify({ ...current, metadata: { ...current.metadata, resourceVersion: undefined } })
    ) {
      // A no-op write keeps its resourceVersion and emits nothing, like the real API server.
      return this.output(type, current, version);
    }
    metadata.resourceVersion = String(++this.revision);
    this.bucket(type).set(key, next);
    this.emit('MODIFIED', type, next);
    return this.output(type, next, version);
  }

  private emit(type: WatchEventType, resource: ResourceType, object: KubeObject): void {
    const event: StoreEvent = {
      type,
      storage: storageOf(resource),
      resource,
      object: structuredClone(object),
      resourceVersion: this.revision,
    };
    this.history.push(event);
    if (this.history.length > historyLimit) {
      const dropped = this.history.splice(0, this.history.length - historyLimit);
      this.droppedUpTo = dropped[dropped.length - 1]!.resourceVersion;
    }
    for (const listener of [...this.listeners]) listener(event);
  }

  /** An object as a given resource type and version shows it (a copy; events.k8s.io converted). */
  view(ref: ResourceRef, object: KubeObject, version?: string): KubeObject {
    return this.output(this.resolve(ref), object, version);
  }

  private output(type: ResourceType, object: KubeObject, version?: string): KubeObject {
    const copy = type.group === 'events.k8s.io' ? toEventsV1(structuredClone(object)) : structuredClone(object);
    if (type.storedAs) copy.apiVersion = `${type.group}/${type.versions[0]}`;
    if (version) copy.apiVersion = type.group ? `${type.group}/${version}` : version;
    return copy;
  }

  private bucket(type: ResourceType): Map<string, KubeObject> {
    const storage = storageOf(type);
    let bucket = this.data.get(storage);
    if (!bucket) {
      bucket = new Map();
      this.data.set(storage, bucket);
    }
    return bucket;
  }

  private key(type: ResourceType, namespace: string | undefined, name: string): string {
    return type.namespaced ? `${namespace ?? ''}/${name}` : `/${name}`;
  }
}
