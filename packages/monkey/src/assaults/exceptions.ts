import { bool, probability, string } from '../config/field-kind.js';
import { springBool, springProbability, type SpringProperty } from '../spring/spring-property.js';
import { defineAssault } from './assault.js';

export type ExceptionsConfig = {
  enabled: boolean;
  probability: number | null;
  /** Error constructor name: "Error", "TypeError", or a Java class name (mapped to Error) for Spring clients. */
  type: string;
  message: string;
  /** When set, answer with this status and body instead of passing the error to the framework. */
  status: number | null;
  body: unknown;
};

/** The error an exception assault raises; `status`/`statusCode` are read by Express, Connect and Fastify. */
export interface ChaosError extends Error {
  status: number;
  statusCode: number;
  /** Always true, so error handlers and tests can tell injected failures from real ones. */
  chaosMonkey: true;
  /** Express/http-errors: the message may be shown to clients (it says nothing about internals). */
  expose: boolean;
}

/**
 * The error types a config may name, as own properties of a prototype-less object: a lookup of
 * "__proto__", "toString" or "constructor" finds nothing instead of something that is no error.
 */
const nodeErrors: Readonly<Record<string, ErrorConstructor>> = Object.assign(Object.create(null) as object, {
  Error,
  TypeError,
  RangeError,
  SyntaxError,
  ReferenceError,
  EvalError,
  URIError,
});

/** Java class names come from scripts written for the Spring monkey: "java.lang.IllegalStateException". */
const javaClassName = /^[A-Za-z_$][\w$]*(\.[A-Za-z_$][\w$]*)+$/;

const isNodeError = (type: string) => Object.hasOwn(nodeErrors, type);

export function isKnownErrorType(type: string): boolean {
  return isNodeError(type) || javaClassName.test(type);
}

const unknownType = (type: string) =>
  `"${type}" is not an error type: use ${Object.keys(nodeErrors).join(', ')} or a Java class name such as java.lang.IllegalStateException`;

export function createChaosError(config: ExceptionsConfig): ChaosError {
  const Ctor = isNodeError(config.type) ? nodeErrors[config.type]! : Error;
  const error = new Ctor(config.message) as ChaosError;
  if (!isNodeError(config.type)) error.name = config.type.slice(config.type.lastIndexOf('.') + 1);
  error.status = error.statusCode = config.status ?? 500;
  error.chaosMonkey = true;
  error.expose = true;
  return error;
}

/** Spring's `exception: { type, method, arguments: [{ type, value }] }`, plus Node's `status` and `body`. */
const springException: SpringProperty<ExceptionsConfig> = {
  names: ['exception'],
  write: (c) => ({
    exception: {
      type: c.type,
      method: '<init>',
      arguments: [{ type: 'java.lang.String', value: c.message }],
      ...(c.status === null ? {} : { status: c.status }),
      ...(c.body === null || c.body === undefined ? {} : { body: c.body }),
    },
  }),
  read(outer) {
    const raw = outer.value('exception');
    if (raw === undefined || raw === null) return {};
    if (typeof raw !== 'object' || Array.isArray(raw)) {
      outer.problem('exception', raw, 'must be an object', 'typeMismatch');
      return {};
    }
    const r = outer.nested(raw as Record<string, unknown>, 'exception.');
    const out: Partial<ExceptionsConfig> = {};
    const type = r.str('type');
    if (type !== undefined) {
      if (isKnownErrorType(type)) out.type = type;
      else
        r.problem(
          'type',
          type,
          `Invalid combination of type, method and arguments provided: ${unknownType(type)}`,
          'AssaultExceptionConstraint',
        );
    }
    const args = r.value('arguments');
    if (Array.isArray(args)) {
      const first = args[0] as { value?: unknown } | undefined;
      if (first && typeof first.value === 'string') out.message = first.value;
    } else if (args !== undefined && args !== null) {
      r.problem('arguments', args, 'must be a list of {type, value}', 'typeMismatch');
    }
    out.status = r.num('status', 100, 599, true);
    if ('body' in raw) out.body = (raw as { body?: unknown }).body;
    return out;
  },
};

/** Fails an attacked call: the monkey answers `status`/`body` itself, or hands the error to the framework. */
export const exceptions = defineAssault<ExceptionsConfig, 'exception'>({
  section: 'exceptions',
  name: 'exception',
  description: 'Fails attacked calls with an error, or answers them with a status and body.',
  defaults: {
    enabled: false,
    probability: null,
    type: 'java.lang.RuntimeException',
    message: 'Chaos Monkey - RuntimeException',
    status: null,
    body: null,
  },
  fields: {
    enabled: bool,
    probability,
    type: string,
    message: string,
    status: { kind: 'number', min: 100, max: 599, integer: true, nullable: true },
    body: { kind: 'any' },
  },
  spring: [
    springBool('exceptionsActive', 'enabled'),
    springException,
    springProbability('exceptionsProbability', 'probability'),
  ],
  check: (c, at) => (isKnownErrorType(c.type) ? [] : [`${at}.type: ${unknownType(c.type)}`]),
  attack: (c) => ({ type: 'exception', error: createChaosError(c), status: c.status, body: c.body }),
});
