import { ActivityFailedError } from '@faultline/core';
import { istioGroup } from './istio-api-versions.js';
import type { ApiAnswer } from './virtual-service-client.js';

/** Turns an unsuccessful API answer into an error that says what was asked and what came back. */
export function apiFailure(what: string, answer: ApiAnswer, versions: readonly string[]): ActivityFailedError {
  const message = statusMessage(answer.body);
  if (answer.status === 404) {
    return new ActivityFailedError(
      `${what}: not found (tried ${versions.map((v) => `${istioGroup}/${v}`).join(', ')})${message ? `: ${message}` : ''}`,
      {
        code: 'E_ISTIO_NOT_FOUND',
        hint: 'check virtual_service_name and ns; pass `version` if your mesh serves another networking.istio.io version',
      },
    );
  }
  const hints: Record<number, string> = {
    401: 'the credentials were refused: check KUBECONFIG / KUBERNETES_CONTEXT or the token',
    403: 'the credentials may not do this: grant get/update on virtualservices.networking.istio.io (see deploy/rbac.yaml)',
    409: 'the VirtualService kept changing under us: retry when whatever else updates it is quiet',
    422: 'the API refused the VirtualService: see the message for the invalid field',
  };
  return new ActivityFailedError(`${what}: HTTP ${answer.status}${message ? `: ${message}` : ''}`, {
    code: answer.status === 409 ? 'E_ISTIO_CONFLICT' : 'E_ISTIO_API',
    hint: hints[answer.status] ?? 'see the message from the Kubernetes API',
  });
}

function statusMessage(body: unknown): string | undefined {
  if (typeof body === 'string') return body.slice(0, 300) || undefined;
  if (body && typeof body === 'object' && typeof (body as { message?: unknown }).message === 'string')
    return (body as { message: string }).message;
  return undefined;
}
