import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { ActivityFailedError, parseWait, setLongTimeout, type ActivityContext } from '@faultline/core';
import { z } from 'zod';
import { trimSlashes } from '../util/request-path.js';

/** A timeout Faultline accepts: a duration up to its one maximum for waits (30 days). */
function isTimeout(value: number | string): boolean {
  try {
    return parseWait(value, 'timeout') >= 0;
  } catch {
    return false;
  }
}

/** Arguments every chaosspring activity accepts (names as in chaostoolkit-spring). */
export const connectionArguments = {
  /** Actuator base URL, e.g. "http://orders:8080/actuator"; "/chaosmonkey/…" is appended. */
  base_url: z.string().url(),
  headers: z.record(z.string(), z.string()).optional(),
  /** Seconds (Chaos Toolkit) or a duration string. */
  timeout: z
    .union([z.number(), z.string()])
    .refine(isTimeout, 'must be a duration up to 30 days: seconds (30) or with a unit (500ms, 30s, 2m)')
    .optional(),
  verify_ssl: z.boolean().optional(),
};

export interface ConnectionArgs {
  base_url: string;
  headers?: Record<string, string>;
  timeout?: number | string;
  verify_ssl?: boolean;
}

export interface ActuatorAnswer {
  status: number;
  text: string;
  json(): unknown;
}

/** Headers that carry credentials: never written into a revert (it lands in the journal). */
const secretHeader = /^(authorization|cookie|x-api-key|proxy-authorization)$/i;

/** Arguments to repeat in a revert: the connection without credentials (reverts get them from secrets). */
export function revertConnection(args: ConnectionArgs): Record<string, unknown> {
  const out: Record<string, unknown> = { base_url: args.base_url };
  const headers = Object.fromEntries(Object.entries(args.headers ?? {}).filter(([k]) => !secretHeader.test(k)));
  if (Object.keys(headers).length > 0) out.headers = headers;
  if (args.timeout !== undefined) out.timeout = args.timeout;
  if (args.verify_ssl !== undefined) out.verify_ssl = args.verify_ssl;
  return out;
}

function tokenFromSecrets(ctx: ActivityContext): string | undefined {
  for (const key of ['chaosmonkey_token', 'token']) {
    const v = ctx.secrets[key];
    if (typeof v === 'string' && v !== '') return v;
  }
  return undefined;
}

/** One call to the Chaos Monkey actuator API of a Node (this package) or Spring Boot service. */
export function callActuator(
  ctx: ActivityContext,
  args: ConnectionArgs,
  method: 'GET' | 'POST',
  endpoint: string,
  body?: unknown,
): Promise<ActuatorAnswer> {
  const url = new URL(`${trimSlashes(args.base_url)}/${endpoint}`);
  const headers: Record<string, string> = { accept: 'application/json', ...args.headers };
  const token = tokenFromSecrets(ctx);
  if (token && !Object.keys(headers).some((k) => k.toLowerCase() === 'authorization'))
    headers.authorization = `Bearer ${token}`;
  const payload = body === undefined ? undefined : JSON.stringify(body);
  if (payload !== undefined) headers['content-type'] = 'application/json';
  const timeoutMs = args.timeout === undefined ? 30_000 : parseWait(args.timeout, 'timeout') * 1000;
  const request = url.protocol === 'https:' ? httpsRequest : httpRequest;
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      {
        method,
        headers,
        signal: ctx.signal,
        ...(url.protocol === 'https:' ? { rejectUnauthorized: args.verify_ssl ?? true } : {}),
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          resolve({
            status: res.statusCode ?? 0,
            text,
            json: () => {
              try {
                return JSON.parse(text);
              } catch {
                throw new ActivityFailedError(`${method} ${url.pathname} did not answer JSON: ${text.slice(0, 200)}`);
              }
            },
          });
        });
        res.on('error', reject);
      },
    );
    // A deadline for the whole call, longer than one Node timer can wait if need be.
    const deadline = setLongTimeout(() => req.destroy(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs, {
      unref: true,
    });
    req.on('close', () => deadline.clear());
    req.on('error', (e) =>
      reject(
        new ActivityFailedError(`${method} ${url.href} failed: ${e.message}`, {
          cause: e,
          hint: "is base_url the service's actuator root (http://host:port/actuator) and the chaos monkey API mounted there?",
        }),
      ),
    );
    req.end(payload);
  });
}

/** Fails the activity unless the service answered 200, with the service's own words. */
export function expectOk(answer: ActuatorAnswer, what: string): ActuatorAnswer {
  if (answer.status === 200) return answer;
  const hint =
    answer.status === 401 || answer.status === 403
      ? 'pass the token: secrets {"chaosmonkey_token": "…"} or headers {"Authorization": "Bearer …"}'
      : answer.status === 404
        ? 'is the chaos monkey endpoint exposed (management.endpoint.chaosmonkey / monkey.actuator())?'
        : undefined;
  throw new ActivityFailedError(`${what} failed: HTTP ${answer.status} ${answer.text.slice(0, 500)}`, { hint });
}

/** Whether the monkey is on: Spring 3 and this package answer JSON `enabled`; Spring 2 answers 200/503. */
export async function readEnabled(ctx: ActivityContext, args: ConnectionArgs): Promise<boolean> {
  const answer = await callActuator(ctx, args, 'GET', 'chaosmonkey/status');
  try {
    const body = JSON.parse(answer.text) as { enabled?: unknown };
    if (typeof body?.enabled === 'boolean' && (answer.status === 200 || answer.status === 503)) return body.enabled;
  } catch {
    // Spring 2.x answers plain text.
  }
  if (answer.status === 200) return true;
  if (answer.status === 503) return false;
  expectOk(answer, 'ChaosMonkey status enquiry');
  return true;
}
