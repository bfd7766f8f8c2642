import { UsageError } from '../errors/faultline-error.js';
import type { Activity } from '../model/experiment.js';
import { kubernetesContext } from './kubernetes-context.js';

/** `guards.kubernetes` in settings: where experiments may run at all. Names accept `*` wildcards. */
export interface KubernetesGuards {
  allowed_contexts?: string[];
  forbidden_contexts?: string[];
  /** Contexts that are production: a run needs `--allow-production`. */
  production_contexts?: string[];
  allowed_namespaces?: string[];
  forbidden_namespaces?: string[];
}

/** Refused by an environment guard: nothing was run. */
export class EnvironmentGuardError extends UsageError {
  static override readonly brand: string = 'EnvironmentGuardError';
  constructor(message: string, hint: string) {
    super(message, { code: 'E_ENVIRONMENT_GUARD', hint });
  }
}

export interface GuardInput {
  /** The experiment with its activities' arguments substituted. */
  activities: readonly Activity[];
  settings: Readonly<Record<string, unknown>>;
  secrets: Readonly<Record<string, unknown>>;
  configuration: Readonly<Record<string, unknown>>;
  env: Readonly<Record<string, string | undefined>>;
  allowProduction?: boolean;
}

/** What the guards saw, for the journal. */
export interface GuardReport {
  kubernetes_context?: string;
  production: boolean;
  namespaces: string[];
}

const kubernetesModule = /^(chaosk8s|chaosistio)(\.|$)|^(@faultline\/kubernetes|kubernetes|istio)(\/|$)/;
const matches = (patterns: readonly string[] | undefined, name: string) =>
  (patterns ?? []).some((pattern) =>
    new RegExp(`^${pattern.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*')}$`).test(name),
  );

/**
 * Environment guards from settings, checked before anything runs: which Kubernetes contexts and
 * namespaces an experiment may touch, and which contexts are production (they need an explicit
 * `--allow-production`). Experiments that use no Kubernetes activity pass untouched.
 */
export function checkEnvironmentGuards(input: GuardInput): GuardReport | undefined {
  const guards = ((input.settings.guards as { kubernetes?: KubernetesGuards } | undefined)?.kubernetes ??
    {}) as KubernetesGuards;
  const kube = input.activities.filter(
    (a) =>
      (a.provider?.type === 'python' || a.provider?.type === 'javascript') && kubernetesModule.test(a.provider.module),
  );
  if (!kube.length || !Object.keys(guards).length) return undefined;
  const context = kubernetesContext(input);
  const production = context !== undefined && matches(guards.production_contexts, context);
  const refuse = (message: string, hint: string) => {
    throw new EnvironmentGuardError(message, hint);
  };
  if (context === undefined && (guards.allowed_contexts?.length || guards.production_contexts?.length))
    refuse('cannot tell which Kubernetes context this run would use', 'set KUBERNETES_CONTEXT or kubernetes.context');
  if (context !== undefined) {
    if (matches(guards.forbidden_contexts, context))
      refuse(
        `Kubernetes context "${context}" is forbidden (guards.kubernetes.forbidden_contexts)`,
        'run against another context, or change the settings if you really mean it',
      );
    if (guards.allowed_contexts?.length && !matches(guards.allowed_contexts, context))
      refuse(
        `Kubernetes context "${context}" is not in guards.kubernetes.allowed_contexts (${guards.allowed_contexts.join(', ')})`,
        'switch context (KUBERNETES_CONTEXT) or add it to the allowed contexts',
      );
    if (production && !input.allowProduction)
      refuse(
        `Kubernetes context "${context}" is marked production (guards.kubernetes.production_contexts)`,
        'add --allow-production to the command line if you mean to run this experiment in production',
      );
  }
  const namespaces = [
    ...new Set(
      kube.map((a) => {
        const args = (a.provider as { arguments?: Record<string, unknown> }).arguments ?? {};
        return String(args.ns ?? args.namespace ?? 'default');
      }),
    ),
  ];
  for (const namespace of namespaces) {
    if (matches(guards.forbidden_namespaces, namespace))
      refuse(
        `namespace "${namespace}" is forbidden (guards.kubernetes.forbidden_namespaces)`,
        'target another namespace, or change the settings if you really mean it',
      );
    if (guards.allowed_namespaces?.length && !matches(guards.allowed_namespaces, namespace))
      refuse(
        `namespace "${namespace}" is not in guards.kubernetes.allowed_namespaces (${guards.allowed_namespaces.join(', ')})`,
        'target an allowed namespace or add it to the settings',
      );
  }
  return { kubernetes_context: context, production, namespaces };
}
