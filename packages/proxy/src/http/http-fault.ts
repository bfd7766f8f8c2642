import { ApiError, apiErrors } from '../server/api-error.js';
import { safeRegex } from '@faultline/core/regex';
import { waitProblem } from '../time/max-wait.js';
import { faultDurationMs } from './fault-duration.js';

/** Istio's StringMatch: one of exact, prefix or regex. */
export interface StringMatch {
  exact?: string;
  prefix?: string;
  regex?: string;
}

/** Istio's HTTPMatchRequest subset: method, uri (path without query) and headers. */
export interface HttpMatch {
  method?: StringMatch;
  uri?: StringMatch;
  headers?: Record<string, StringMatch>;
}

/** Istio's `fault` stanza fields, plus a name, a match, an abort body and "only the first N requests". */
export interface HttpFaultJson {
  name: string;
  match?: HttpMatch[];
  delay?: { fixedDelay: string | number; percentage: { value: number } };
  abort?: { httpStatus: number; body?: string; percentage: { value: number } };
  /** Fault only the first N matching requests (counted from when the fault was added). */
  firstN?: number;
}

/** A request as the fault decision needs it. */
export interface FaultRequest {
  method: string;
  url: string;
  headers: Record<string, string | string[] | undefined>;
}

export interface FaultDecision {
  fault: string;
  delayMs?: number;
  abort?: { status: number; body: string };
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const bad = (message: string): ApiError => apiErrors.badRequestBody.with(message);

function parseStringMatch(value: unknown, where: string): StringMatch {
  if (typeof value === 'string') return { exact: value };
  if (!isRecord(value)) throw bad(`${where} must be a string or {exact|prefix|regex}`);
  const keys = ['exact', 'prefix', 'regex'].filter((k) => value[k] !== undefined);
  if (keys.length !== 1 || typeof value[keys[0]] !== 'string')
    throw bad(`${where} needs exactly one of exact, prefix, regex (a string)`);
  if (keys[0] === 'regex') {
    try {
      safeRegex(value.regex as string);
    } catch (error) {
      throw bad(`${where}.regex: ${(error as Error).message}`);
    }
  }
  return { [keys[0]]: value[keys[0]] } as StringMatch;
}

function parseMatch(value: unknown): HttpMatch[] | undefined {
  if (value === undefined || value === null) return undefined;
  const list = Array.isArray(value) ? value : [value];
  return list.map((item, i) => {
    if (!isRecord(item)) throw bad(`match[${i}] must be an object`);
    const match: HttpMatch = {};
    if (item.method !== undefined) match.method = parseStringMatch(item.method, `match[${i}].method`);
    if (item.uri !== undefined) match.uri = parseStringMatch(item.uri, `match[${i}].uri`);
    if (item.headers !== undefined) {
      if (!isRecord(item.headers)) throw bad(`match[${i}].headers must be an object`);
      match.headers = Object.fromEntries(
        Object.entries(item.headers).map(([name, m]) => [
          name.toLowerCase(),
          parseStringMatch(m, `match[${i}].headers.${name}`),
        ]),
      );
    }
    return match;
  });
}

/** Istio: `percentage: {value}` (0–100, default 100); the deprecated integer `percent` is read too. */
function parsePercentage(stanza: Record<string, unknown>, where: string): { value: number } {
  const raw = isRecord(stanza.percentage) ? stanza.percentage.value : (stanza.percentage ?? stanza.percent);
  if (raw === undefined || raw === null) return { value: 100 };
  if (typeof raw !== 'number' || !(raw >= 0 && raw <= 100))
    throw bad(`${where}.percentage.value must be a number from 0 to 100`);
  return { value: raw };
}

/** Validates a fault body; `defaultName` is used when it has none. */
export function parseHttpFault(input: unknown, defaultName?: string): HttpFaultJson {
  if (!isRecord(input)) throw bad('expected a JSON object');
  const fault: HttpFaultJson = { name: '' };
  if (input.delay !== undefined && input.delay !== null) {
    if (!isRecord(input.delay)) throw bad('delay must be an object');
    const fixed = input.delay.fixedDelay ?? input.delay.fixed_delay;
    const ms = faultDurationMs(fixed);
    if (ms === undefined) throw bad('delay.fixedDelay must be a duration such as "2s" or "250ms"');
    const problem = waitProblem('delay.fixedDelay', ms);
    if (problem) throw bad(problem);
    fault.delay = { fixedDelay: fixed as string | number, percentage: parsePercentage(input.delay, 'delay') };
  }
  if (input.abort !== undefined && input.abort !== null) {
    if (!isRecord(input.abort)) throw bad('abort must be an object');
    const status = input.abort.httpStatus ?? input.abort.http_status;
    if (typeof status !== 'number' || !Number.isInteger(status) || status < 200 || status > 599) {
      throw bad('abort.httpStatus must be an HTTP status from 200 to 599');
    }
    if (input.abort.body !== undefined && typeof input.abort.body !== 'string')
      throw bad('abort.body must be a string');
    fault.abort = { httpStatus: status, percentage: parsePercentage(input.abort, 'abort') };
    if (typeof input.abort.body === 'string') fault.abort.body = input.abort.body;
  }
  if (!fault.delay && !fault.abort) throw bad('a fault needs a delay, an abort or both');
  if (input.firstN !== undefined && input.firstN !== null) {
    if (typeof input.firstN !== 'number' || !Number.isInteger(input.firstN) || input.firstN < 0)
      throw bad('firstN must be a non-negative integer');
    fault.firstN = input.firstN;
  }
  const match = parseMatch(input.match);
  if (match) fault.match = match;
  const name =
    input.name ?? defaultName ?? (fault.abort && fault.delay ? 'delay_abort' : fault.abort ? 'abort' : 'delay');
  if (typeof name !== 'string' || name === '') throw bad('name must be a non-empty string');
  fault.name = name;
  return fault;
}

type Test = (value: string) => boolean;

/** Istio regexes are full matches (RE2): compiled once, run in linear time. */
function compileStringMatch(match: StringMatch): Test {
  const { exact, prefix, regex } = match;
  if (exact !== undefined) return (value) => value === exact;
  if (prefix !== undefined) return (value) => value.startsWith(prefix);
  const compiled = safeRegex(regex ?? '');
  return (value) => compiled.matches(value);
}

/**
 * A test of whether one of the match clauses (OR) accepts a request; no match accepts
 * everything. Regexes are compiled here, once per fault, not per request.
 */
export function compileMatch(match: readonly HttpMatch[] | undefined): (request: FaultRequest) => boolean {
  if (!match || match.length === 0) return () => true;
  const clauses = match.map((m) => ({
    method: m.method && compileStringMatch(m.method),
    uri: m.uri && compileStringMatch(m.uri),
    headers: Object.entries(m.headers ?? {}).map(([name, wanted]) => [name, compileStringMatch(wanted)] as const),
  }));
  return (request) => {
    const path = request.url.split('?')[0];
    return clauses.some(({ method, uri, headers }) => {
      if (method && !method(request.method)) return false;
      if (uri && !uri(path)) return false;
      for (const [name, test] of headers) {
        const value = request.headers[name];
        if (value === undefined || !test(Array.isArray(value) ? value.join(',') : value)) return false;
      }
      return true;
    });
  };
}
