import type { ExceptionsConfig } from '../config/monkey-config.js';

/** The error an exception assault raises; `status`/`statusCode` are read by Express, Connect and Fastify. */
export interface ChaosError extends Error {
  status: number;
  statusCode: number;
  /** Always true, so error handlers and tests can tell injected failures from real ones. */
  chaosMonkey: true;
  /** Express/http-errors: the message may be shown to clients (it says nothing about internals). */
  expose: boolean;
}

const nodeErrors: Record<string, ErrorConstructor> = {
  Error,
  TypeError,
  RangeError,
  SyntaxError,
  ReferenceError,
  EvalError,
  URIError,
};

/** Java class names come from scripts written for the Spring monkey: "java.lang.IllegalStateException". */
export const javaClassName = /^[A-Za-z_$][\w$]*(\.[A-Za-z_$][\w$]*)+$/;

export function isKnownErrorType(type: string): boolean {
  return type in nodeErrors || javaClassName.test(type);
}

export function createChaosError(config: ExceptionsConfig): ChaosError {
  const Ctor = nodeErrors[config.type] ?? Error;
  const error = new Ctor(config.message) as ChaosError;
  if (!(config.type in nodeErrors)) error.name = config.type.slice(config.type.lastIndexOf('.') + 1);
  error.status = error.statusCode = config.status ?? 500;
  error.chaosMonkey = true;
  error.expose = true;
  return error;
}
