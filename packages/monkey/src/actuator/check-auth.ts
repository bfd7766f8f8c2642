import { createHash, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { MonkeyConfigError } from '../config/monkey-config-error.js';

export type AuthResult = { ok: true } | { ok: false; status: 401 | 403; message: string };

const digest = (text: string) => createHash('sha256').update(text).digest();

/** Builds the bearer-token check of a control API; a missing token is a mistake, not "no auth". */
export function createAuthCheck(token: string | false | undefined, what: string): (req: IncomingMessage) => AuthResult {
  if (token === false) return () => ({ ok: true });
  if (typeof token !== 'string' || token.length === 0) {
    throw new MonkeyConfigError(
      [`${what}: token is required`],
      'pass { token: process.env.CHAOS_MONKEY_TOKEN }, or { token: false } to turn auth off explicitly',
    );
  }
  const expected = digest(token);
  return (req) => {
    const header = req.headers.authorization;
    if (typeof header !== 'string' || !/^Bearer\s+/i.test(header)) {
      return { ok: false, status: 401, message: 'missing bearer token: send "Authorization: Bearer <token>"' };
    }
    const given = digest(header.replace(/^Bearer\s+/i, '').trim());
    return timingSafeEqual(given, expected) ? { ok: true } : { ok: false, status: 403, message: 'invalid token' };
  };
}
