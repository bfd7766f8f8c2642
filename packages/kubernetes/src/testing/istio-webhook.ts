import type { KubeObject } from './resource-types.js';
import { StatusError } from './status-error.js';

const grpcCodes = new Set([
  'OK',
  'CANCELLED',
  'UNKNOWN',
  'INVALID_ARGUMENT',
  'DEADLINE_EXCEEDED',
  'NOT_FOUND',
  'ALREADY_EXISTS',
  'PERMISSION_DENIED',
  'RESOURCE_EXHAUSTED',
  'FAILED_PRECONDITION',
  'ABORTED',
  'OUT_OF_RANGE',
  'UNIMPLEMENTED',
  'INTERNAL',
  'UNAVAILABLE',
  'DATA_LOSS',
  'UNAUTHENTICATED',
]);

interface Route {
  fault?: { abort?: { grpcStatus?: string } };
  directResponse?: unknown;
}

/**
 * The rules of Istio's validating webhook (validation.istio.io) that fault injection can trip:
 * a fault beside a direct response, and an unknown gRPC status. The API server turns a webhook
 * denial into 400 BadRequest.
 */
export function checkVirtualService(object: KubeObject): void {
  const http = ((object['spec'] as { http?: Route[] } | undefined)?.http ?? []) as Route[];
  const errors: string[] = [];
  for (const route of http) {
    if (route.fault && route.directResponse !== undefined)
      errors.push('HTTP route cannot contain both fault and direct_response');
    const grpc = route.fault?.abort?.grpcStatus;
    if (grpc !== undefined && !grpcCodes.has(grpc)) errors.push(`unknown GRPC status "${grpc}"`);
  }
  if (errors.length > 0)
    throw StatusError.badRequest(
      `admission webhook "validation.istio.io" denied the request: configuration is invalid: ${errors.join('; ')}`,
    );
}
