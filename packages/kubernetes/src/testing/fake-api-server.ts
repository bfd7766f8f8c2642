import { createServer, type IncomingMessage, type RequestListener, type Server, type ServerResponse } from 'node:http';
import { createServer as createTlsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { KubeConfig } from '@kubernetes/client-node';
import { jsonPatch, mergePatch, strategicMergePatch } from './apply-patch.js';
import { checkEviction } from './check-eviction.js';
import { checkEphemeralContainers } from './ephemeral-containers.js';
import { checkVirtualService } from './istio-webhook.js';
import { checkRestricted, enforceLabel } from './pod-security.js';
import { validateSchema } from './validate-schema.js';
import { compileFieldSelector } from './field-selector.js';
import { compileLabelSelector } from './label-selector.js';
import { attachPodExec } from './fake-pod-exec.js';
import { FakeReconciler, type ReconcilerOptions } from './fake-reconciler.js';
import { ResourceRegistry, defaultResourceTypes } from './resource-registry.js';
import { ResourceStore, type StoreEvent } from './resource-store.js';
import type { KubeObject, ResourceType } from './resource-types.js';
import { StatusError } from './status-error.js';

/** One request as the fake server saw it, for assertions on exactly what a client did. */
export interface RecordedRequest {
  method: string;
  path: string;
  query: Record<string, string>;
  contentType?: string;
  body?: unknown;
  /** HTTP status sent back. */
  status?: number;
}

/** What a request asks for, in RBAC terms (also what SelfSubjectAccessReview asks about). */
export interface RequestAttributes {
  verb: string;
  group: string;
  resource: string;
  subresource?: string;
  namespace?: string;
  name?: string;
}

export interface InjectedFailure {
  method?: string;
  /** Substring or pattern of the path. */
  path?: string | RegExp;
  status: number;
  reason?: string;
  message?: string;
  /** How many matching requests fail (default 1). */
  times?: number;
  /** Sent as details.retryAfterSeconds and the Retry-After header. */
  retryAfterSeconds?: number;
}

export interface FakeApiServerOptions {
  /** Require `Authorization: Bearer <token>` (401 otherwise). */
  token?: string;
  /** Extra resource types (custom resources) to serve. */
  resources?: readonly ResourceType[];
  /** Run the Deployment/ReplicaSet/StatefulSet/scheduler reconciler (default true). */
  reconcile?: boolean | ReconcilerOptions;
  /** Objects to create before the server starts (namespaces are created as needed). */
  objects?: readonly KubeObject[];
  /** Default namespace of the generated kubeconfig context. */
  namespace?: string;
  /** Serve HTTPS with this key and certificate (PEM) instead of plain HTTP. */
  tls?: { key: string; cert: string };
  /**
   * How long a deleted (or evicted) pod stays Terminating — with deletionTimestamp set, still
   * Ready — before it is gone, as when a kubelet stops it. Default: its grace period (the delete's
   * gracePeriodSeconds, else the pod's terminationGracePeriodSeconds, else 30 s), like a real
   * cluster. 0: gone at once. A grace period of 0 is always immediate.
   */
  podTerminationMs?: number;
}

export interface FakeApiServer {
  /** http://127.0.0.1:<port> */
  readonly url: string;
  readonly store: ResourceStore;
  /** A KubeConfig whose current context points at this server. */
  readonly kubeConfig: KubeConfig;
  /** The same as a kubeconfig YAML document, for KUBECONFIG files and the CLI. */
  readonly kubeConfigYaml: string;
  readonly requests: RecordedRequest[];
  readonly reconciler: FakeReconciler | undefined;
  /** Decide whether the caller may do something: enforced on every request (403) and answered by SelfSubjectAccessReview. */
  authorize: (attributes: RequestAttributes) => boolean;
  /** Called before each request is handled (after it is logged): lets a test change state in between. */
  onRequest: ((request: RecordedRequest) => void | Promise<void>) | undefined;
  /** Fail matching requests with a Status of the given code. */
  injectFailure(failure: InjectedFailure): void;
  /** Requests matching method and a path substring/pattern. */
  requestsMatching(method: string, path: string | RegExp): RecordedRequest[];
  /** Write the kubeconfig to a temp file and return its path. */
  writeKubeConfig(): string;
  close(): Promise<void>;
}

interface Route {
  group: string;
  version: string;
  type: ResourceType;
  namespace?: string;
  name?: string;
  subresource?: string;
  watch: boolean;
}

const maxBody = 16 * 1024 * 1024;

function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(text), ...headers });
  res.end(text);
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxBody) reject(new StatusError(413, 'RequestEntityTooLarge', 'request body too large'));
      else chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function listKind(type: ResourceType): string {
  return `${type.kind}List`;
}

function stripListItem(object: KubeObject): KubeObject {
  // The real API omits apiVersion/kind on items of typed lists.
  const { apiVersion: _apiVersion, kind: _kind, ...rest } = object;
  return rest;
}

function scaleOf(object: KubeObject): KubeObject {
  const spec = (object['spec'] ?? {}) as { replicas?: number; selector?: { matchLabels?: Record<string, string> } };
  const status = (object['status'] ?? {}) as { replicas?: number };
  const selector = Object.entries(spec.selector?.matchLabels ?? {})
    .map(([key, value]) => `${key}=${value}`)
    .join(',');
  const { name, namespace, uid, resourceVersion, creationTimestamp } = object.metadata ?? {};
  return {
    kind: 'Scale',
    apiVersion: 'autoscaling/v1',
    metadata: { name, namespace, uid, resourceVersion, creationTimestamp },
    // Deployments, ReplicaSets and StatefulSets all default spec.replicas to 1.
    spec: { replicas: spec.replicas ?? 1 },
    status: { replicas: status.replicas ?? 0, selector },
  };
}

class FakeApiServerImpl {
  readonly store: ResourceStore;
  readonly requests: RecordedRequest[] = [];
  readonly reconciler: FakeReconciler | undefined;
  authorize: (attributes: RequestAttributes) => boolean = () => true;
  onRequest: ((request: RecordedRequest) => void | Promise<void>) | undefined;
  private readonly failures: Array<InjectedFailure & { remaining: number }> = [];
  private readonly watches = new Set<ServerResponse>();
  private readonly server: Server;
  private readonly token: string | undefined;
  private readonly podTerminationMs: number | undefined;
  private readonly terminations = new Set<NodeJS.Timeout>();

  constructor(options: FakeApiServerOptions) {
    this.store = new ResourceStore(new ResourceRegistry([...defaultResourceTypes, ...(options.resources ?? [])]));
    this.token = options.token;
    this.podTerminationMs = options.podTerminationMs;
    for (const name of ['default', 'kube-system', 'kube-public'])
      this.store.create('namespaces', undefined, { metadata: { name } });
    for (const object of options.objects ?? []) this.store.put(object);
    if (options.reconcile !== false) {
      this.reconciler = new FakeReconciler(this.store, typeof options.reconcile === 'object' ? options.reconcile : {});
      this.reconciler.reconcileNow();
      this.reconciler.start();
    }
    const listener: RequestListener = (req, res) => {
      this.handle(req, res).catch((error: unknown) => {
        const status =
          error instanceof StatusError
            ? error.status
            : new StatusError(
                500,
                'InternalError',
                `fake API server: ${error instanceof Error ? error.stack : String(error)}`,
              ).status;
        const entry = (req as IncomingMessage & { faultlineEntry?: RecordedRequest }).faultlineEntry;
        if (entry) entry.status = status.code;
        // Like the real server, a Status that says when to come back says it in Retry-After too.
        const retryAfter = status.details?.retryAfterSeconds;
        if (!res.headersSent)
          sendJson(res, status.code, status, retryAfter ? { 'Retry-After': String(retryAfter) } : {});
        else res.end();
      });
    };
    this.server = options.tls
      ? createTlsServer({ key: options.tls.key, cert: options.tls.cert }, listener)
      : createServer(listener);
    this.server.keepAliveTimeout = 5_000;
    attachPodExec(this.server, this.store, options.token);
  }

  listen(): Promise<number> {
    return new Promise((resolve, reject) => {
      this.server.once('error', reject);
      this.server.listen(0, '127.0.0.1', () => resolve((this.server.address() as AddressInfo).port));
    });
  }

  injectFailure(failure: InjectedFailure): void {
    this.failures.push({ ...failure, remaining: failure.times ?? 1 });
  }

  requestsMatching(method: string, path: string | RegExp): RecordedRequest[] {
    return this.requests.filter(
      (request) =>
        request.method === method && (typeof path === 'string' ? request.path.includes(path) : path.test(request.path)),
    );
  }

  async close(): Promise<void> {
    this.reconciler?.stop();
    for (const timer of this.terminations) clearTimeout(timer);
    for (const res of this.watches) res.end();
    this.watches.clear();
    await new Promise<void>((resolve) => {
      this.server.close(() => resolve());
      this.server.closeAllConnections();
    });
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const method = (req.method ?? 'GET').toUpperCase();
    const query = Object.fromEntries(url.searchParams.entries());
    const rawBody = method === 'GET' ? '' : await readBody(req);
    const contentType = req.headers['content-type']?.split(';')[0]?.trim();
    const entry: RecordedRequest = { method, path: url.pathname, query, ...(contentType ? { contentType } : {}) };
    if (rawBody) {
      try {
        entry.body = JSON.parse(rawBody);
      } catch {
        entry.body = rawBody;
      }
    }
    (req as IncomingMessage & { faultlineEntry?: RecordedRequest }).faultlineEntry = entry;
    this.requests.push(entry);
    res.on('finish', () => {
      entry.status ??= res.statusCode;
    });

    if (this.token !== undefined && req.headers.authorization !== `Bearer ${this.token}`) {
      throw new StatusError(401, 'Unauthorized', 'Unauthorized');
    }
    const failure = this.failures.find(
      (candidate) =>
        candidate.remaining > 0 &&
        (!candidate.method || candidate.method === method) &&
        (!candidate.path ||
          (typeof candidate.path === 'string'
            ? url.pathname.includes(candidate.path)
            : candidate.path.test(url.pathname))),
    );
    if (failure) {
      failure.remaining -= 1;
      throw new StatusError(
        failure.status,
        failure.reason ??
          (failure.status === 409 ? 'Conflict' : failure.status === 429 ? 'TooManyRequests' : 'InternalError'),
        failure.message ?? `injected failure ${failure.status}`,
        failure.retryAfterSeconds ? { retryAfterSeconds: failure.retryAfterSeconds } : undefined,
      );
    }
    await this.onRequest?.(entry);
    if (typeof entry.body === 'string' && contentType !== 'application/apply-patch+yaml')
      throw StatusError.badRequest('the body of the request could not be decoded as JSON');

    const segments = url.pathname.split('/').filter(Boolean);
    if (this.handleNonResource(method, segments, entry, res)) return;
    const route = this.route(segments);
    if (!route) throw new StatusError(404, 'NotFound', 'the server could not find the requested resource');
    this.checkAccess(method, route, query);
    await this.dispatch(method, route, query, entry, res);
  }

  private handleNonResource(method: string, segments: string[], entry: RecordedRequest, res: ServerResponse): boolean {
    const path = `/${segments.join('/')}`;
    if (path === '/version') {
      sendJson(res, 200, { major: '1', minor: '30', gitVersion: 'v1.30.0-faultline-fake', platform: 'linux/amd64' });
      return true;
    }
    if (path === '/healthz' || path === '/readyz' || path === '/livez') {
      res.writeHead(200, { 'Content-Type': 'text/plain' });
      res.end('ok');
      return true;
    }
    if (path === '/api') {
      sendJson(res, 200, { kind: 'APIVersions', versions: ['v1'], serverAddressByClientCIDRs: [] });
      return true;
    }
    const groups = this.store.registry.groups();
    if (path === '/apis') {
      const list = [...groups.entries()]
        .filter(([group]) => group !== '')
        .map(([name, versions]) => ({
          name,
          versions: versions.map((version) => ({ groupVersion: `${name}/${version}`, version })),
          preferredVersion: { groupVersion: `${name}/${versions[0]}`, version: versions[0] },
        }));
      list.push({
        name: 'authorization.k8s.io',
        versions: [{ groupVersion: 'authorization.k8s.io/v1', version: 'v1' }],
        preferredVersion: { groupVersion: 'authorization.k8s.io/v1', version: 'v1' },
      });
      sendJson(res, 200, { kind: 'APIGroupList', apiVersion: 'v1', groups: list });
      return true;
    }
    if ((segments.length === 2 && segments[0] === 'api') || (segments.length === 3 && segments[0] === 'apis')) {
      const [group, version] = segments[0] === 'api' ? ['', segments[1]!] : [segments[1]!, segments[2]!];
      const list = this.store.registry.resourceList(group, version);
      if (!list) throw new StatusError(404, 'NotFound', 'the server could not find the requested resource');
      sendJson(res, 200, list);
      return true;
    }
    if (path === '/apis/authorization.k8s.io/v1') {
      sendJson(res, 200, {
        kind: 'APIResourceList',
        apiVersion: 'v1',
        groupVersion: 'authorization.k8s.io/v1',
        resources: [
          {
            name: 'selfsubjectaccessreviews',
            singularName: 'selfsubjectaccessreview',
            namespaced: false,
            kind: 'SelfSubjectAccessReview',
            verbs: ['create'],
          },
        ],
      });
      return true;
    }
    if (path === '/apis/authorization.k8s.io/v1/selfsubjectaccessreviews' && method === 'POST') {
      const review = (entry.body ?? {}) as { spec?: { resourceAttributes?: Partial<RequestAttributes> } };
      const attributes = review.spec?.resourceAttributes ?? {};
      const allowed = this.authorize({
        verb: attributes.verb ?? '',
        group: attributes.group ?? '',
        resource: attributes.resource ?? '',
        subresource: attributes.subresource || undefined,
        namespace: attributes.namespace || undefined,
        name: attributes.name || undefined,
      });
      sendJson(res, 201, {
        kind: 'SelfSubjectAccessReview',
        apiVersion: 'authorization.k8s.io/v1',
        metadata: { creationTimestamp: null },
        spec: review.spec ?? {},
        status: { allowed, ...(allowed ? {} : { reason: 'denied by the fake API server policy' }) },
      });
      return true;
    }
    return false;
  }

  private route(segments: string[]): Route | undefined {
    let group: string;
    let version: string;
    let rest: string[];
    if (segments[0] === 'api' && segments.length >= 3) [group, version, rest] = ['', segments[1]!, segments.slice(2)];
    else if (segments[0] === 'apis' && segments.length >= 4)
      [group, version, rest] = [segments[1]!, segments[2]!, segments.slice(3)];
    else return undefined;
    let watch = false;
    if (rest[0] === 'watch') {
      watch = true;
      rest = rest.slice(1);
    }
    if (rest[0] === 'namespaces' && rest.length >= 3) {
      const type = this.store.registry.find(group, version, rest[2]!);
      if (type?.namespaced)
        return { group, version, type, namespace: rest[1], name: rest[3], subresource: rest[4], watch };
    }
    const type = this.store.registry.find(group, version, rest[0]!);
    if (!type || rest.length > 3) return undefined;
    return { group, version, type, name: rest[1], subresource: rest[2], watch };
  }

  private checkAccess(method: string, route: Route, query: Record<string, string>): void {
    const watch = route.watch || query['watch'] === 'true' || query['watch'] === '1';
    const verb =
      method === 'GET'
        ? watch
          ? 'watch'
          : route.name
            ? 'get'
            : 'list'
        : method === 'POST'
          ? 'create'
          : method === 'PUT'
            ? 'update'
            : method === 'PATCH'
              ? 'patch'
              : method === 'DELETE'
                ? route.name
                  ? 'delete'
                  : 'deletecollection'
                : method.toLowerCase();
    const attributes: RequestAttributes = {
      verb,
      group: route.group,
      resource: route.type.plural,
      subresource: route.subresource,
      namespace: route.namespace,
      name: route.name,
    };
    if (!this.authorize(attributes)) {
      const what = route.subresource ? `${route.type.plural}/${route.subresource}` : route.type.plural;
      const scope = route.namespace ? ` in the namespace "${route.namespace}"` : ' at the cluster scope';
      throw new StatusError(
        403,
        'Forbidden',
        `${what}${route.name ? ` "${route.name}"` : ''} is forbidden: User "system:serviceaccount:faultline:faultline" cannot ${verb} resource "${what}" in API group "${route.group}"${scope}`,
        { name: route.name, group: route.group, kind: route.type.plural },
      );
    }
  }

  private async dispatch(
    method: string,
    route: Route,
    query: Record<string, string>,
    entry: RecordedRequest,
    res: ServerResponse,
  ): Promise<void> {
    const { type, namespace, name, subresource, version } = route;
    if (subresource) return this.dispatchSubresource(method, route, query, entry, res);
    const body = entry.body as KubeObject | undefined;
    if (!name) {
      if (method === 'GET' && (route.watch || query['watch'] === 'true' || query['watch'] === '1'))
        return this.watch(route, query, res);
      if (method === 'GET') {
        const limit = query['limit'] ? Number(query['limit']) : undefined;
        const result = this.store.list(
          type,
          {
            namespace,
            labelSelector: query['labelSelector'],
            fieldSelector: query['fieldSelector'],
            limit,
            continue: query['continue'],
          },
          version,
        );
        const metadata: Record<string, unknown> = { resourceVersion: result.resourceVersion };
        if (result.continue) metadata['continue'] = result.continue;
        return sendJson(res, 200, {
          kind: listKind(type),
          apiVersion: type.group ? `${type.group}/${version}` : version,
          metadata,
          items: result.items.map(stripListItem),
        });
      }
      if (method === 'POST') {
        if (!body || typeof body !== 'object') throw StatusError.badRequest('a body is required');
        if (query['dryRun'] === 'All')
          return sendJson(res, 201, {
            ...body,
            apiVersion: type.group ? `${type.group}/${version}` : version,
            kind: type.kind,
          });
        await this.admit(route, 'create', body);
        return sendJson(res, 201, this.store.create(type, namespace, body, version));
      }
      if (method === 'DELETE') {
        const result = this.store.list(type, {
          namespace,
          labelSelector: query['labelSelector'],
          fieldSelector: query['fieldSelector'],
        });
        for (const item of result.items) this.store.delete(type, item.metadata?.namespace, item.metadata!.name!);
        return sendJson(res, 200, {
          kind: listKind(type),
          apiVersion: type.group ? `${type.group}/${version}` : version,
          metadata: { resourceVersion: this.store.resourceVersion },
          items: result.items.map(stripListItem),
        });
      }
      throw new StatusError(405, 'MethodNotAllowed', `the server does not allow this method on the requested resource`);
    }
    switch (method) {
      case 'GET':
        return sendJson(res, 200, this.store.mustGet(type, namespace, name, version));
      case 'PUT':
        if (!body || typeof body !== 'object') throw StatusError.badRequest('a body is required');
        // Custom resources have no update strategy that allows an unconditional update.
        if (type.custom && !body.metadata?.resourceVersion)
          throw StatusError.invalid(type.kind, name, [
            { field: 'metadata.resourceVersion', message: 'Invalid value: 0x0: must be specified for an update' },
          ]);
        await this.admit(route, 'update', body);
        return sendJson(res, 200, this.store.replace(type, namespace, name, body, version));
      case 'PATCH': {
        const patched = this.applyPatch(type, entry, this.store.mustGet(type, namespace, name, version));
        await this.admit(route, 'update', patched);
        if (query['dryRun'] === 'All') return sendJson(res, 200, patched);
        return sendJson(
          res,
          200,
          // Patched again onto the latest version: admission awaited, a controller may have written.
          this.store.update(type, namespace, name, (latest) => this.applyPatch(type, entry, latest), version),
        );
      }
      case 'DELETE': {
        const options = { ...(body ?? {}), ...query } as {
          preconditions?: { resourceVersion?: string; uid?: string };
          dryRun?: string;
        };
        const current = this.store.mustGet(type, namespace, name, version);
        if (
          options.preconditions?.resourceVersion &&
          options.preconditions.resourceVersion !== current.metadata?.resourceVersion
        )
          throw StatusError.conflict(type.group, type.plural, name);
        if (options.preconditions?.uid && options.preconditions.uid !== current.metadata?.uid)
          throw StatusError.conflict(type.group, type.plural, name);
        if (options.dryRun === 'All') return sendJson(res, 200, current);
        const grace = (options as { gracePeriodSeconds?: number | string }).gracePeriodSeconds;
        if (type.plural === 'pods')
          return sendJson(res, 200, this.deletePod(namespace!, name, grace === undefined ? undefined : Number(grace)));
        const deleted = this.store.delete(type, namespace, name, version);
        if (type.custom) return sendJson(res, 200, deleted);
        return sendJson(res, 200, {
          kind: 'Status',
          apiVersion: 'v1',
          metadata: {},
          status: 'Success',
          details: { name, group: type.group, kind: type.plural, uid: deleted.metadata?.uid },
        });
      }
      default:
        throw new StatusError(
          405,
          'MethodNotAllowed',
          'the server does not allow this method on the requested resource',
        );
    }
  }

  private enforcesRestricted(namespace: string | undefined): boolean {
    if (!namespace) return false;
    return this.store.get('namespaces', undefined, namespace)?.metadata?.labels?.[enforceLabel] === 'restricted';
  }

  /**
   * What the real API server runs before storing a write: the schema of the kind (422), Pod
   * Security admission on namespaces labelled enforce=restricted (403), and Istio's validating
   * webhook for VirtualServices (400).
   */
  private async admit(route: Route, operation: 'create' | 'update', object: KubeObject): Promise<void> {
    const { type, version, namespace } = route;
    await validateSchema(type, version, object);
    if (type.plural === 'pods' && operation === 'create' && this.enforcesRestricted(namespace)) checkRestricted(object);
    if (type.group === 'networking.istio.io' && type.kind === 'VirtualService') checkVirtualService(object);
  }

  /** Delete a pod: at once, or Terminating (deletionTimestamp) for podTerminationMs first. */
  private deletePod(namespace: string, name: string, gracePeriodSeconds: number | undefined): KubeObject {
    const current = this.store.mustGet('pods', namespace, name);
    if (this.podTerminationMs === 0 || gracePeriodSeconds === 0) return this.store.delete('pods', namespace, name);
    if (current.metadata?.deletionTimestamp) return current;
    const grace =
      gracePeriodSeconds ??
      (current['spec'] as { terminationGracePeriodSeconds?: number } | undefined)?.terminationGracePeriodSeconds ??
      30;
    const terminating = this.store.update('pods', namespace, name, (pod) => {
      pod.metadata!.deletionTimestamp = new Date(Date.now() + grace * 1000).toISOString().replace(/\.\d+Z$/, 'Z');
      pod.metadata!.deletionGracePeriodSeconds = grace;
    });
    const uid = current.metadata?.uid;
    const timer = setTimeout(
      () => {
        this.terminations.delete(timer);
        // Only the pod we marked: a new pod of the same name (StatefulSet) must survive.
        if (this.store.get('pods', namespace, name)?.metadata?.uid === uid) this.store.delete('pods', namespace, name);
      },
      this.podTerminationMs ?? grace * 1000,
    );
    timer.unref();
    this.terminations.add(timer);
    return terminating;
  }

  private applyPatch(type: ResourceType, entry: RecordedRequest, current: KubeObject): KubeObject {
    switch (entry.contentType) {
      case 'application/merge-patch+json':
        return mergePatch(current, entry.body) as KubeObject;
      case 'application/json-patch+json':
        return jsonPatch(current, entry.body) as KubeObject;
      case 'application/strategic-merge-patch+json':
        if (type.custom) break;
        return strategicMergePatch(current, entry.body) as KubeObject;
      default:
        break;
    }
    throw new StatusError(
      415,
      'UnsupportedMediaType',
      `the body of the request was in an unknown format - accepted media types include: application/json-patch+json, application/merge-patch+json${type.custom ? '' : ', application/strategic-merge-patch+json'}`,
    );
  }

  private async dispatchSubresource(
    method: string,
    route: Route,
    query: Record<string, string>,
    entry: RecordedRequest,
    res: ServerResponse,
  ): Promise<void> {
    const { type, namespace, name, subresource, version } = route;
    if (!name || !(type.subresources ?? []).includes(subresource!))
      throw new StatusError(404, 'NotFound', 'the server could not find the requested resource');
    const current = this.store.mustGet(type, namespace, name, version);
    if (subresource === 'scale') {
      if (method === 'GET') return sendJson(res, 200, scaleOf(current));
      let scale: KubeObject;
      if (method === 'PUT') {
        scale = entry.body as KubeObject;
        const rv = scale.metadata?.resourceVersion;
        if (rv && rv !== current.metadata?.resourceVersion) throw StatusError.conflict(type.group, type.plural, name);
      } else if (method === 'PATCH') scale = this.applyPatch(type, entry, scaleOf(current));
      else
        throw new StatusError(
          405,
          'MethodNotAllowed',
          'the server does not allow this method on the requested resource',
        );
      const replicas = (scale['spec'] as { replicas?: unknown } | undefined)?.replicas;
      if (typeof replicas !== 'number' || replicas < 0 || !Number.isInteger(replicas)) {
        throw StatusError.invalid('Scale', name, [
          { field: 'spec.replicas', message: `Invalid value: ${String(replicas)}: must be greater than or equal to 0` },
        ]);
      }
      const updated = this.store.update(type, namespace, name, (draft) => {
        (draft['spec'] as Record<string, unknown>)['replicas'] = replicas;
      });
      return sendJson(res, 200, scaleOf(updated));
    }
    if (subresource === 'status') {
      if (method === 'GET') return sendJson(res, 200, current);
      const next = method === 'PATCH' ? this.applyPatch(type, entry, current) : (entry.body as KubeObject);
      if (
        method === 'PUT' &&
        next.metadata?.resourceVersion &&
        next.metadata.resourceVersion !== current.metadata?.resourceVersion
      )
        throw StatusError.conflict(type.group, type.plural, name);
      return sendJson(
        res,
        200,
        this.store.update(
          type,
          namespace,
          name,
          (draft) => {
            draft['status'] = next['status'];
          },
          version,
        ),
      );
    }
    if (subresource === 'ephemeralcontainers') {
      // Only spec.ephemeralContainers may change, and existing ones can never be removed or edited.
      if (method === 'GET') return sendJson(res, 200, current);
      const next = method === 'PATCH' ? this.applyPatch(type, entry, current) : (entry.body as KubeObject);
      const after = checkEphemeralContainers(current, next);
      const candidate = { ...current, spec: { ...(current['spec'] as object), ephemeralContainers: after } };
      await validateSchema(type, version, candidate);
      if (this.enforcesRestricted(namespace)) checkRestricted(candidate);
      return sendJson(
        res,
        200,
        this.store.update(
          type,
          namespace,
          name,
          (draft) => {
            (draft['spec'] as Record<string, unknown>)['ephemeralContainers'] = after;
          },
          version,
        ),
      );
    }
    if (subresource === 'eviction') {
      if (method !== 'POST')
        throw new StatusError(
          405,
          'MethodNotAllowed',
          'the server does not allow this method on the requested resource',
        );
      checkEviction(this.store, current);
      this.deletePod(namespace!, name, undefined);
      return sendJson(res, 201, { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Success', code: 201 });
    }
    if (subresource === 'log') {
      let text = this.store.podLogs.get(`${namespace}/${name}`) ?? '';
      const tail = query['tailLines'] ? Number(query['tailLines']) : undefined;
      if (tail !== undefined) {
        const lines = text.split('\n');
        if (lines[lines.length - 1] === '') lines.pop();
        text = lines.slice(Math.max(0, lines.length - tail)).join('\n') + (lines.length > 0 && tail > 0 ? '\n' : '');
      }
      res.writeHead(200, { 'Content-Type': 'text/plain', 'Content-Length': Buffer.byteLength(text) });
      res.end(text);
      return;
    }
    throw new StatusError(404, 'NotFound', 'the server could not find the requested resource');
  }

  private watch(route: Route, query: Record<string, string>, res: ServerResponse): void {
    const { type, namespace, version } = route;
    const matchLabels = compileLabelSelector(query['labelSelector']);
    const matchFields = compileFieldSelector(query['fieldSelector'], `${type.group}/${type.plural}`);
    const storage = type.storedAs ?? `${type.group}/${type.plural}`;
    res.writeHead(200, { 'Content-Type': 'application/json', 'Transfer-Encoding': 'chunked' });
    const write = (eventType: string, object: unknown) => res.write(`${JSON.stringify({ type: eventType, object })}\n`);
    const matches = (event: StoreEvent) =>
      event.storage === storage &&
      (!namespace || event.object.metadata?.namespace === namespace) &&
      matchLabels(event.object.metadata?.labels) &&
      matchFields(event.object);
    const versioned = (object: KubeObject) => this.store.view(type, object, version);
    const since = query['resourceVersion'];
    if (since && since !== '0') {
      const events = this.store.eventsSince(Number(since));
      if (!events) {
        write(
          'ERROR',
          new StatusError(410, 'Expired', `too old resource version: ${since} (${this.store.resourceVersion})`).status,
        );
        res.end();
        return;
      }
      for (const event of events) if (matches(event)) write(event.type, versioned(event.object));
    } else {
      for (const object of this.store.list(
        type,
        { namespace, labelSelector: query['labelSelector'], fieldSelector: query['fieldSelector'] },
        version,
      ).items)
        write('ADDED', object);
    }
    const unsubscribe = this.store.onChange((event) => {
      if (matches(event)) write(event.type, versioned(event.object));
    });
    this.watches.add(res);
    const timeout = query['timeoutSeconds']
      ? setTimeout(() => res.end(), Number(query['timeoutSeconds']) * 1000)
      : undefined;
    timeout?.unref();
    const stop = () => {
      unsubscribe();
      if (timeout) clearTimeout(timeout);
      this.watches.delete(res);
    };
    res.on('close', stop);
    res.on('finish', stop);
  }
}

function kubeConfigYamlFor(
  url: string,
  namespace: string,
  token: string | undefined,
  cert: string | undefined,
): string {
  const trust = cert
    ? `    certificate-authority-data: ${Buffer.from(cert).toString('base64')}`
    : '    insecure-skip-tls-verify: true';
  return [
    'apiVersion: v1',
    'kind: Config',
    'current-context: faultline-fake',
    'clusters:',
    '- name: faultline-fake',
    '  cluster:',
    `    server: ${url}`,
    trust,
    'users:',
    '- name: faultline-fake',
    '  user:',
    `    token: ${token ?? 'fake-token'}`,
    'contexts:',
    '- name: faultline-fake',
    '  context:',
    '    cluster: faultline-fake',
    '    user: faultline-fake',
    `    namespace: ${namespace}`,
    '',
  ].join('\n');
}

/**
 * Start a fake Kubernetes API server on 127.0.0.1 (random port) that @kubernetes/client-node
 * talks to over real HTTP, with a kubeconfig pointing at it.
 */
export async function startFakeApiServer(options: FakeApiServerOptions = {}): Promise<FakeApiServer> {
  const impl = new FakeApiServerImpl(options);
  const port = await impl.listen();
  const url = `${options.tls ? 'https' : 'http'}://127.0.0.1:${port}`;
  const kubeConfigYaml = kubeConfigYamlFor(url, options.namespace ?? 'default', options.token, options.tls?.cert);
  const { KubeConfig } = await import('@kubernetes/client-node');
  const kubeConfig = new KubeConfig();
  kubeConfig.loadFromString(kubeConfigYaml);
  let kubeConfigPath: string | undefined;
  return {
    url,
    kubeConfig,
    kubeConfigYaml,
    get store() {
      return impl.store;
    },
    get requests() {
      return impl.requests;
    },
    get reconciler() {
      return impl.reconciler;
    },
    get authorize() {
      return impl.authorize;
    },
    set authorize(value) {
      impl.authorize = value;
    },
    get onRequest() {
      return impl.onRequest;
    },
    set onRequest(value) {
      impl.onRequest = value;
    },
    injectFailure: (failure) => impl.injectFailure(failure),
    requestsMatching: (method, path) => impl.requestsMatching(method, path),
    writeKubeConfig() {
      if (!kubeConfigPath) {
        kubeConfigPath = join(mkdtempSync(join(tmpdir(), 'faultline-kubeconfig-')), 'config');
        writeFileSync(kubeConfigPath, kubeConfigYaml, { mode: 0o600 });
      }
      return kubeConfigPath;
    },
    close: () => impl.close(),
  };
}
