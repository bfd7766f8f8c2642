/** The `Status` object the API server returns for failures (and some successes). */
export interface KubeStatus {
  kind: 'Status';
  apiVersion: 'v1';
  metadata: Record<string, unknown>;
  status: 'Success' | 'Failure';
  message: string;
  reason: string;
  details?: {
    name?: string;
    group?: string;
    kind?: string;
    causes?: Array<{ reason?: string; message: string; field?: string }>;
    retryAfterSeconds?: number;
  };
  code: number;
}

/** Thrown inside the fake server; rendered as a real `Status` body with its HTTP code. */
export class StatusError extends Error {
  readonly status: KubeStatus;

  constructor(code: number, reason: string, message: string, details?: KubeStatus['details']) {
    super(message);
    this.status = {
      kind: 'Status',
      apiVersion: 'v1',
      metadata: {},
      status: 'Failure',
      message,
      reason,
      ...(details ? { details } : {}),
      code,
    };
  }

  static notFound(group: string, plural: string, name: string): StatusError {
    const resource = group ? `${plural}.${group}` : plural;
    return new StatusError(404, 'NotFound', `${resource} "${name}" not found`, { name, group, kind: plural });
  }

  static alreadyExists(group: string, plural: string, name: string): StatusError {
    const resource = group ? `${plural}.${group}` : plural;
    return new StatusError(409, 'AlreadyExists', `${resource} "${name}" already exists`, { name, group, kind: plural });
  }

  static conflict(group: string, plural: string, name: string): StatusError {
    const resource = group ? `${plural}.${group}` : plural;
    return new StatusError(
      409,
      'Conflict',
      `Operation cannot be fulfilled on ${resource} "${name}": the object has been modified; please apply your changes to the latest version and try again`,
      { name, group, kind: plural },
    );
  }

  static invalid(kind: string, name: string, causes: Array<{ field: string; message: string }>): StatusError {
    const text = causes.map((cause) => `${cause.field}: ${cause.message}`).join(', ');
    return new StatusError(422, 'Invalid', `${kind} "${name}" is invalid: ${text}`, {
      name,
      kind,
      causes: causes.map((cause) => ({ reason: 'FieldValueInvalid', ...cause })),
    });
  }

  static badRequest(message: string): StatusError {
    return new StatusError(400, 'BadRequest', message);
  }

  static tooManyRequests(message: string, retryAfterSeconds = 1): StatusError {
    return new StatusError(429, 'TooManyRequests', message, { retryAfterSeconds });
  }
}
