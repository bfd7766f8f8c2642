import type { ControlHookParams } from '@faultline/core';

/**
 * An argument of the control, else a secret, else a configuration value, as a string. Controls get
 * the experiment's secrets by scope (`{grafana: {grafana_token}}`), as in Chaos Toolkit: a secret is
 * looked up in every scope.
 */
export function setting(params: ControlHookParams, ...keys: string[]): string | undefined {
  const scopes = Object.values(params.secrets).filter(
    (scope): scope is Record<string, unknown> => typeof scope === 'object' && scope !== null,
  );
  for (const key of keys) {
    for (const source of [params.arguments, params.secrets, ...scopes, params.configuration]) {
      const value = source[key];
      if (value !== undefined && value !== null && value !== '') return String(value);
    }
  }
  return undefined;
}

/** The run journal handed to after_experiment_control as `state`, read defensively. */
export function journalOf(state: unknown): {
  status?: string;
  deviated?: boolean;
  duration?: number;
  start?: string;
  end?: string;
} {
  return state && typeof state === 'object' ? (state as Record<string, never>) : {};
}

/** The experiment's title, from the hook's `experiment`. */
export function experimentTitle(experiment: unknown): string {
  const title = experiment && typeof experiment === 'object' ? (experiment as { title?: unknown }).title : undefined;
  return typeof title === 'string' ? title : 'experiment';
}
