import { StatusError } from './status-error.js';

type Json = unknown;

function isObject(value: Json): value is Record<string, Json> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** RFC 7386 JSON merge patch: objects merge, `null` deletes, everything else replaces. */
export function mergePatch(target: Json, patch: Json): Json {
  if (!isObject(patch)) return structuredClone(patch);
  const result: Record<string, Json> = isObject(target) ? { ...target } : {};
  for (const [key, value] of Object.entries(patch)) {
    if (value === null) delete result[key];
    else result[key] = mergePatch(result[key], value);
  }
  return result;
}

/** Lists whose items are merged by a key in strategic merge patch (the ones our activities touch). */
const mergeKeys: Record<string, string> = {
  containers: 'name',
  initContainers: 'name',
  ephemeralContainers: 'name',
  volumes: 'name',
  env: 'name',
  volumeMounts: 'mountPath',
  ports: 'containerPort',
  imagePullSecrets: 'name',
  conditions: 'type',
};

/**
 * Strategic merge patch for what Faultline uses: merge-patch semantics, lists of known fields
 * (containers, env, volumes, conditions …) merged by their key with `$patch: delete` support,
 * `$patch: replace` on objects, and `$setElementOrder/` directives ignored.
 */
export function strategicMergePatch(target: Json, patch: Json, field = ''): Json {
  if (Array.isArray(patch)) {
    const key = mergeKeys[field];
    if (!key || !Array.isArray(target))
      return structuredClone(patch.filter((item) => !(isObject(item) && item['$patch'] === 'delete')));
    const result = target.map((item) => structuredClone(item));
    for (const item of patch) {
      if (!isObject(item)) continue;
      const index = result.findIndex((existing) => isObject(existing) && existing[key] === item[key]);
      if (item['$patch'] === 'delete') {
        if (index >= 0) result.splice(index, 1);
      } else if (index >= 0) result[index] = strategicMergePatch(result[index], item);
      else result.push(strategicMergePatch(undefined, item));
    }
    return result;
  }
  if (!isObject(patch)) return structuredClone(patch);
  if (patch['$patch'] === 'replace') {
    const { $patch: _ignored, ...rest } = patch;
    return structuredClone(rest);
  }
  if (patch['$patch'] === 'delete') return undefined;
  const result: Record<string, Json> = isObject(target) ? { ...target } : {};
  for (const [name, value] of Object.entries(patch)) {
    if (name.startsWith('$')) continue;
    if (value === null) delete result[name];
    else {
      const merged = strategicMergePatch(result[name], value, name);
      if (merged === undefined) delete result[name];
      else result[name] = merged;
    }
  }
  return result;
}

interface JsonPatchOperation {
  op: 'add' | 'remove' | 'replace' | 'move' | 'copy' | 'test';
  path: string;
  from?: string;
  value?: Json;
}

function parsePointer(pointer: string): string[] {
  if (pointer === '') return [];
  if (!pointer.startsWith('/')) throw StatusError.badRequest(`invalid JSON pointer "${pointer}"`);
  return pointer
    .slice(1)
    .split('/')
    .map((token) => token.replace(/~1/g, '/').replace(/~0/g, '~'));
}

function locate(document: Json, tokens: string[], pointer: string): { parent: Json; key: string } {
  let parent: Json = document;
  for (const token of tokens.slice(0, -1)) {
    const next = Array.isArray(parent) ? parent[Number(token)] : isObject(parent) ? parent[token] : undefined;
    if (next === undefined) throw new StatusError(422, 'Invalid', `jsonpatch: path "${pointer}" does not exist`);
    parent = next;
  }
  return { parent, key: tokens[tokens.length - 1]! };
}

function getAt(document: Json, pointer: string): Json {
  let current = document;
  for (const token of parsePointer(pointer)) {
    current = Array.isArray(current) ? current[Number(token)] : isObject(current) ? current[token] : undefined;
    if (current === undefined) throw new StatusError(422, 'Invalid', `jsonpatch: path "${pointer}" does not exist`);
  }
  return current;
}

function removeAt(document: Json, pointer: string): Json {
  const { parent, key } = locate(document, parsePointer(pointer), pointer);
  if (Array.isArray(parent)) {
    const index = Number(key);
    if (!(index >= 0 && index < parent.length))
      throw new StatusError(422, 'Invalid', `jsonpatch remove: index ${key} out of range at "${pointer}"`);
    return parent.splice(index, 1)[0];
  }
  if (!isObject(parent) || !(key in parent))
    throw new StatusError(
      422,
      'Invalid',
      `jsonpatch remove operation does not apply: doc is missing path: "${pointer}"`,
    );
  const old = parent[key];
  delete parent[key];
  return old;
}

function addAt(document: Json, pointer: string, value: Json, replace: boolean): Json {
  const tokens = parsePointer(pointer);
  if (tokens.length === 0) return structuredClone(value);
  const { parent, key } = locate(document, tokens, pointer);
  if (Array.isArray(parent)) {
    const index = key === '-' ? parent.length : Number(key);
    if (!(index >= 0 && index <= parent.length) || (replace && index >= parent.length))
      throw new StatusError(422, 'Invalid', `jsonpatch: index ${key} out of range at "${pointer}"`);
    if (replace) parent[index] = structuredClone(value);
    else parent.splice(index, 0, structuredClone(value));
  } else if (isObject(parent)) {
    if (replace && !(key in parent))
      throw new StatusError(
        422,
        'Invalid',
        `jsonpatch replace operation does not apply: doc is missing key: "${pointer}"`,
      );
    parent[key] = structuredClone(value);
  } else throw new StatusError(422, 'Invalid', `jsonpatch: cannot add at "${pointer}"`);
  return document;
}

/** RFC 6902 JSON patch (add, remove, replace, move, copy, test) on a copy of the document. */
export function jsonPatch(target: Json, operations: Json): Json {
  if (!Array.isArray(operations)) throw StatusError.badRequest('json patch must be an array of operations');
  let document = structuredClone(target);
  for (const raw of operations as JsonPatchOperation[]) {
    switch (raw.op) {
      case 'add':
        document = addAt(document, raw.path, raw.value, false);
        break;
      case 'replace':
        document = addAt(document, raw.path, raw.value, true);
        break;
      case 'remove':
        removeAt(document, raw.path);
        break;
      case 'copy':
        document = addAt(document, raw.path, getAt(document, raw.from ?? ''), false);
        break;
      case 'move': {
        const value = removeAt(document, raw.from ?? '');
        document = addAt(document, raw.path, value, false);
        break;
      }
      case 'test':
        if (JSON.stringify(getAt(document, raw.path)) !== JSON.stringify(raw.value))
          throw new StatusError(
            422,
            'Invalid',
            `jsonpatch test operation does not apply: is not equal at "${raw.path}"`,
          );
        break;
      default:
        throw StatusError.badRequest(`unknown json patch operation "${String((raw as { op?: unknown }).op)}"`);
    }
  }
  return document;
}
