import { PassThrough } from 'node:stream';
import { z } from 'zod';
import { UsageError, defineActivity } from '@faultline/core';
import { kubeArguments } from '../arguments/kube-arguments.js';
import { getKubeClient } from '../client/get-kube-client.js';
import type { KubeClient } from '../client/kube-client.js';
import { isNotFound, kubeFailure } from '../client/kube-api-error.js';
import { emitFaultEvents } from '../safety/emit-fault-events.js';
import { SafetyGuard } from '../safety/safety-guard.js';
import type { LeanPod } from './lean-pod.js';
import { selectPods } from './select-pods.js';
import { splitCommand } from './split-command.js';

interface ExecOutcome {
  pod_name: string;
  exit_code: number;
  cmd: string | string[];
  stdout: string;
  stderr: string;
}

/** One command in one container through the exec channel, bounded by `timeoutSeconds`. */
async function execIn(
  client: KubeClient,
  pod: { name: string; namespace: string; container: string },
  command: string[],
  timeoutSeconds: number,
  signal: AbortSignal,
): Promise<Omit<ExecOutcome, 'pod_name' | 'cmd'>> {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  const out: Buffer[] = [];
  const err: Buffer[] = [];
  stdout.on('data', (chunk: Buffer) => out.push(chunk));
  stderr.on('data', (chunk: Buffer) => err.push(chunk));
  const exec = new client.k8s.Exec(client.kubeConfig);
  let socket: { close(): void } | undefined;
  const status = await new Promise<{
    status?: string;
    message?: string;
    details?: { causes?: Array<{ message?: string }> };
  }>((resolve, reject) => {
    const timer = setTimeout(() => {
      socket?.close();
      reject(new Error(`no answer within request_timeout (${timeoutSeconds}s)`));
    }, timeoutSeconds * 1000);
    const onAbort = () => {
      clearTimeout(timer);
      socket?.close();
      reject(signal.reason instanceof Error ? signal.reason : new Error('interrupted'));
    };
    signal.addEventListener('abort', onAbort, { once: true });
    exec
      .exec(pod.namespace, pod.name, pod.container, command, stdout, stderr, null, false, (answer) => {
        clearTimeout(timer);
        signal.removeEventListener('abort', onAbort);
        resolve(answer);
      })
      .then(
        (ws) => (socket = ws),
        (error: unknown) => {
          clearTimeout(timer);
          signal.removeEventListener('abort', onAbort);
          reject(error instanceof Error ? error : new Error(String(error)));
        },
      );
  });
  const failed = status.status !== 'Success';
  const exitCode = failed ? Number(status.details?.causes?.[0]?.message ?? 1) || 1 : 0;
  const stderrText = Buffer.concat(err).toString('utf8');
  return {
    exit_code: exitCode,
    stdout: Buffer.concat(out).toString('utf8'),
    stderr: stderrText || (failed ? (status.message ?? '') : ''),
  };
}

/**
 * Run a command in the containers of pods chosen like terminate_pods (chaosk8s's exec_in_pods).
 * Not revertible: what a command did cannot be undone; `--dry` names the pods it would run in.
 */
export const execInPods = defineActivity({
  name: 'exec_in_pods',
  type: 'action',
  description:
    'Run a command in pods selected like terminate_pods (label selector, name pattern, count or percentage); returns each exit code and output. Not revertible.',
  python: ['chaosk8s.pod.actions'],
  mutating: true,
  arguments: z.strictObject({
    cmd: z.union([z.string(), z.array(z.string())]).describe('command line (split like a shell) or argument list'),
    label_selector: kubeArguments.labelSelector(),
    name_pattern: z.string().optional().describe('regular expression searched in pod names'),
    all: kubeArguments.boolean().default(false),
    rand: kubeArguments.boolean().default(false),
    mode: z.enum(['fixed', 'percentage']).default('fixed'),
    qty: kubeArguments.integer(0).default(1),
    ns: kubeArguments.ns(),
    order: z.enum(['alphabetic', 'oldest']).default('alphabetic'),
    container_name: z.string().optional().describe("container to run in (each pod's first container when omitted)"),
    request_timeout: kubeArguments.seconds().default(60).describe('seconds to wait for each command'),
  }),
  async run(args, ctx) {
    const command = typeof args.cmd === 'string' ? splitCommand(args.cmd) : args.cmd;
    if (command.length === 0) throw new UsageError('exec_in_pods: A command must be set to run a container');
    const guard = new SafetyGuard(ctx, 'exec_in_pods');
    guard.checkNamespace(args.ns);
    const client = await getKubeClient(ctx);
    const { matching, selected } = await selectPods(client, args, ctx.signal);
    // Selection keeps pods lean (no containers): read each chosen pod's container names.
    const containers = new Map<string, string[]>();
    for (const pod of selected) {
      try {
        const full = await client.limiter.run(
          () => client.core.readNamespacedPod({ name: pod.metadata.name, namespace: args.ns }),
          ctx.signal,
        );
        containers.set(pod.metadata.name, full.spec?.containers.map((container) => container.name) ?? []);
      } catch (error) {
        if (!isNotFound(error)) throw kubeFailure(`exec_in_pods: reading pod ${args.ns}/${pod.metadata.name}`, error);
      }
    }
    // chaosk8s skips the pods without the named container.
    const containerOf = (pod: LeanPod) => {
      const names = containers.get(pod.metadata.name) ?? [];
      return args.container_name ? (names.includes(args.container_name) ? args.container_name : undefined) : names[0];
    };
    const targets = selected.filter((pod) => containerOf(pod) !== undefined);
    await guard.checkOptIn(
      client,
      targets.map((pod) => ({
        kind: 'Pod',
        name: pod.metadata.name,
        namespace: pod.metadata.namespace,
        labels: pod.metadata.labels,
      })),
    );
    guard.checkBlastRadius(targets.length, matching.length);
    const names = targets.map((pod) => pod.metadata.name);
    if (guard.dryRun) {
      guard.noteDryRun(`would run ${JSON.stringify(command)} in ${names.length} pod(s)`);
      return { dryRun: true, pods: names, command, safety: guard.decisions };
    }
    await emitFaultEvents(
      client,
      ctx,
      'exec_in_pods',
      targets.map((pod) => ({
        kind: 'Pod',
        apiVersion: 'v1',
        name: pod.metadata.name,
        namespace: args.ns,
        uid: pod.metadata.uid,
      })),
      `exec_in_pods: running ${command.join(' ')}`,
      guard.settings.emitEvents,
    );
    const results: ExecOutcome[] = [];
    for (const pod of targets) {
      const outcome = await execIn(
        client,
        { name: pod.metadata.name, namespace: args.ns, container: containerOf(pod)! },
        command,
        args.request_timeout,
        ctx.signal,
      );
      results.push({ pod_name: pod.metadata.name, cmd: args.cmd, ...outcome });
    }
    return results;
  },
});
