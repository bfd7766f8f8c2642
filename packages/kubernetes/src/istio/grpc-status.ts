import { z } from 'zod';

/** The gRPC status code names Istio accepts in fault.abort.grpcStatus (its webhook refuses others). */
export const grpcStatusNames = [
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
] as const;

export const grpcStatus = z.enum(grpcStatusNames, {
  error: (issue) => `unknown gRPC status ${JSON.stringify(issue.input)}: use one of ${grpcStatusNames.join(', ')}`,
});
