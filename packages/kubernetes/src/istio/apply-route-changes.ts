import { isDeepStrictEqual } from 'node:util';
import { InterruptedError, type ActivityContext, type RevertHandle } from '@faultline/core';
import { SafetyGuard, emitFaultEvents, type SafetyDecision } from '../safety/index.js';
import { apiFailure } from './api-failure.js';
import { istioGroup } from './istio-api-versions.js';
import { kubernetesDriverName } from './kubernetes-driver-name.js';
import { readVirtualService } from './read-virtual-service.js';
import type { RouteChange } from './route-change.js';
import { unfaultableRoutes } from './route-selector.js';
import type { HttpFault, VirtualService } from './virtual-service-types.js';
import type { VirtualServiceClient } from './virtual-service-client.js';

export interface ApplyRouteChangesOptions {
  client: VirtualServiceClient;
  ctx: ActivityContext;
  /** Activity name, for the safety log and Events. */
  activity: string;
  name: string;
  namespace: string;
  /** Versions of networking.istio.io to try in order (see istioApiVersions). */
  versions: readonly string[];
  /** What to do to the VirtualService as read; called again after each conflict. */
  plan(vs: VirtualService): RouteChange[];
  /**
   * "inject" (default) passes the safety guards and records an Event; "restore" (the revert) does
   * not, because undoing must always be possible. Both register a revert.
   */
  purpose?: 'inject' | 'restore';
  /** Writes tried before giving up on 409 Conflict. */
  maxAttempts?: number;
}

export interface RouteReport {
  index: number;
  name?: string;
  destinations: Array<{ host: string; subset?: string }>;
  before: HttpFault | null;
  after: HttpFault | null;
  changed: boolean;
}

export interface RouteChangesResult {
  virtualService: string;
  namespace: string;
  apiVersion: string;
  dryRun: boolean;
  /** True when the VirtualService was written. */
  changed: boolean;
  /** Writes attempted (more than one after 409 Conflicts). */
  attempts: number;
  resourceVersion?: string;
  routes: RouteReport[];
  /** Routes left alone because they cannot carry a fault (directResponse, redirect, delegate). */
  skipped?: Array<{ index: number; name?: string; reason: string }>;
  /** The safety checks passed (namespace, opt-in, dry-run). */
  safety: SafetyDecision[];
}

/**
 * Read → plan → register the revert → replace with resourceVersion, re-reading and re-planning on
 * 409 Conflict. chaosistio PATCHed whole route arrays blind, so a concurrent edit (a GitOps sync,
 * another experiment) was silently overwritten; here it is either merged or the activity fails.
 */
export async function applyRouteChanges(options: ApplyRouteChangesOptions): Promise<RouteChangesResult> {
  const { client, ctx, name, namespace } = options;
  const maxAttempts = options.maxAttempts ?? 5;
  const what = `VirtualService ${namespace}/${name}`;
  const guard = new SafetyGuard(ctx, options.activity);
  const dryRun = guard.dryRun;
  const purpose = options.purpose ?? 'inject';
  if (purpose === 'inject') guard.checkNamespace(namespace);
  const read = await readVirtualService(client, namespace, name, options.versions);
  if (read.answer.status !== 200) throw apiFailure(`cannot read ${what}`, read.answer, options.versions);
  const version = read.version;
  let vs = read.answer.body as VirtualService;
  if (purpose === 'inject') {
    await guard.checkOptIn(client.kube, [
      { kind: 'VirtualService', name, namespace, labels: (vs.metadata['labels'] ?? {}) as Record<string, string> },
    ]);
  }
  let handle: RevertHandle | undefined;

  for (let attempt = 1; ; attempt += 1) {
    let changes: RouteChange[];
    try {
      changes = options.plan(vs);
    } catch (error) {
      handle?.done(); // re-read after a conflict and the routes are gone: nothing of ours was written
      throw error;
    }
    const changed = changes.filter((change) => !isDeepStrictEqual(change.before, change.after));
    const skipped = purpose === 'inject' ? unfaultableRoutes(vs.spec?.http ?? []) : [];
    if (skipped.length > 0)
      ctx.logger.info(`${what}: ${skipped.length} route(s) cannot carry a fault and are left alone`, { skipped });
    const result = (written: boolean, resourceVersion?: string): RouteChangesResult => ({
      virtualService: name,
      namespace,
      apiVersion: `${istioGroup}/${version}`,
      dryRun,
      changed: written,
      attempts: written ? attempt : attempt - 1,
      ...(resourceVersion === undefined ? {} : { resourceVersion }),
      routes: changes.map((change) => ({
        index: change.index,
        ...(change.identity.name === undefined ? {} : { name: change.identity.name }),
        destinations: change.identity.destinations,
        before: change.before,
        after: change.after,
        changed: !isDeepStrictEqual(change.before, change.after),
      })),
      ...(skipped.length > 0 ? { skipped } : {}),
      safety: guard.decisions,
    });

    if (dryRun) {
      guard.noteDryRun(`would change the fault of ${changed.length} route(s) of ${what}`);
      ctx.logger.info(`dry run: would change the fault of ${changed.length} route(s) of ${what}`, {
        routes: changed.map((change) => ({ index: change.index, before: change.before, after: change.after })),
      });
      return result(false);
    }
    if (changed.length === 0) {
      handle?.done();
      ctx.logger.info(`${what} already has the requested faults: nothing to change`);
      return result(false);
    }
    if (ctx.signal.aborted) {
      handle?.done();
      throw new InterruptedError(`interrupted before changing ${what}`);
    }

    const revertArguments = {
      virtual_service_name: name,
      ns: namespace,
      version: `${istioGroup}/${version}`,
      routes: changed.map((change) => ({
        index: change.index,
        identity: change.identity,
        fault: change.before,
        injected: change.after,
      })),
    };
    // Registered before the write: a crash between the two still leaves a way back in the journal.
    if (handle === undefined) {
      handle = ctx.registerRevert({
        title: `restore the faults of ${changed.length} route(s) of ${what}`,
        driver: kubernetesDriverName,
        func: 'restore_virtual_service_faults',
        arguments: revertArguments,
      });
    } else {
      handle.update(revertArguments);
    }

    const next = structuredClone(vs);
    const http = next.spec!.http!;
    for (const change of changed) {
      if (change.after === null) delete http[change.index]!.fault;
      else http[change.index]!.fault = structuredClone(change.after);
    }
    const written = await client.replace({ namespace, name, version }, next);
    if (written.status === 200 || written.status === 201) {
      const stored = written.body as VirtualService;
      const resourceVersion = stored?.metadata?.resourceVersion;
      ctx.logger.info(`changed the fault of ${changed.length} route(s) of ${what}`, { attempt, resourceVersion });
      // FaultInjected when a fault goes in, FaultReverted when the revert puts the previous faults back.
      const summary = changed.map((change) => `route ${change.index}: ${describeFault(change.after)}`).join('; ');
      const target = {
        kind: 'VirtualService',
        apiVersion: `${istioGroup}/${version}`,
        name,
        namespace,
        ...(typeof stored?.metadata?.['uid'] === 'string' ? { uid: stored.metadata['uid'] } : {}),
      };
      if (purpose === 'inject')
        await emitFaultEvents(
          client.kube,
          ctx,
          options.activity,
          [target],
          `${options.activity}: Istio fault set on ${summary}`,
          guard.settings.emitEvents,
        );
      else
        await emitFaultEvents(
          client.kube,
          ctx,
          options.activity,
          [target],
          `${options.activity}: reverting, faults restored on ${summary}`,
          guard.settings.emitEvents,
          'FaultReverted',
        );
      return result(true, resourceVersion);
    }
    if (written.status !== 409 || attempt >= maxAttempts) {
      // A 4xx means nothing was written, so there is nothing to revert; after a 5xx we cannot know.
      if (written.status >= 400 && written.status < 500) handle?.done();
      const suffix = written.status === 409 ? ` after ${attempt} attempts` : '';
      throw apiFailure(`cannot update ${what}${suffix}`, written, [version]);
    }

    ctx.logger.warn(`${what} changed while we were updating it (409 Conflict): reading it again`, { attempt });
    await pause(Math.min(25 * 2 ** (attempt - 1), 400) * (0.5 + Math.random() / 2), ctx.signal);
    const again = await client.get({ namespace, name, version });
    if (again.status !== 200) {
      handle?.done();
      throw apiFailure(`cannot read ${what} again after a conflict`, again, [version]);
    }
    vs = again.body as VirtualService;
  }
}

function describeFault(fault: HttpFault | null): string {
  if (fault === null) return 'no fault';
  const parts: string[] = [];
  const share = (percentage: { value: number } | undefined) => (percentage ? ` for ${percentage.value}%` : '');
  if (fault.delay) parts.push(`delay ${String(fault.delay.fixedDelay ?? '?')}${share(fault.delay.percentage)}`);
  if (fault.abort)
    parts.push(
      `abort ${String(fault.abort.httpStatus ?? fault.abort.grpcStatus ?? '?')}${share(fault.abort.percentage)}`,
    );
  return parts.join(' + ') || JSON.stringify(fault);
}

function pause(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(done, ms);
    function done() {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    }
    signal.addEventListener('abort', done, { once: true });
  });
}
