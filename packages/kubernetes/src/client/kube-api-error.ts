import { ActivityFailedError } from '@faultline/core';

export interface KubeErrorInfo {
  code: number;
  reason: string;
  message: string;
}

/**
 * Read the HTTP code and Kubernetes `Status` out of a client-node ApiException (whose body is the
 * raw text, a parsed object, or nothing for documented codes like 401).
 */
export function kubeErrorInfo(error: unknown): KubeErrorInfo | undefined {
  if (!error || typeof error !== 'object' || typeof (error as { code?: unknown }).code !== 'number') return undefined;
  const { code, body } = error as { code: number; body?: unknown };
  let status: { reason?: string; message?: string; details?: { causes?: Array<{ message?: string }> } } = {};
  if (typeof body === 'string') {
    try {
      status = JSON.parse(body) as typeof status;
    } catch {
      status = { message: body };
    }
  } else if (body && typeof body === 'object') status = body as typeof status;
  // Causes carry the useful part of some refusals (which disruption budget, which field).
  const causes = (status.details?.causes ?? []).map((cause) => cause.message).filter(Boolean);
  const message = status.message ?? `HTTP ${code}`;
  return {
    code,
    reason: status.reason ?? String(code),
    message: causes.length > 0 && !message.includes(causes[0]!) ? `${message} (${causes.join('; ')})` : message,
  };
}

export const isNotFound = (error: unknown) => kubeErrorInfo(error)?.code === 404;
export const isConflict = (error: unknown) => kubeErrorInfo(error)?.code === 409;

/** Turn an API failure into an ActivityFailedError that says what was attempted and what the server said. */
export function kubeFailure(what: string, error: unknown): ActivityFailedError {
  const info = kubeErrorInfo(error);
  if (!info)
    return new ActivityFailedError(`${what}: ${error instanceof Error ? error.message : String(error)}`, {
      cause: error,
      hint: 'check that the cluster is reachable (faultline doctor)',
    });
  const hint =
    info.code === 401
      ? 'the credentials were refused: check KUBECONFIG / KUBERNETES_CONTEXT or the token'
      : info.code === 403
        ? 'the credentials lack a permission: see deploy/rbac.yaml and run faultline doctor'
        : info.code === 404
          ? 'check the name and the namespace (ns)'
          : undefined;
  return new ActivityFailedError(`${what}: ${info.message} (${info.code} ${info.reason})`, {
    code: `E_K8S_${info.reason.toUpperCase()}`,
    cause: error,
    ...(hint ? { hint } : {}),
  });
}
