import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

export type Role = 'viewer' | 'operator';

export interface Session {
  id: string;
  role: Role;
  /** Sent back in every form; a POST without it is refused (cookies ride along cross-site, this does not). */
  csrf: string;
  expires: number;
}

export interface Principal {
  role: Role;
  /** Absent for bearer requests: a header a browser never adds on its own needs no CSRF token. */
  session?: Session;
}

const sessionTtlMs = 12 * 60 * 60 * 1000;
/** Oldest sessions are dropped beyond this, so clients without cookies cannot grow memory without end. */
const maxSessions = 10_000;
export const sessionCookie = 'faultline_session';

const digest = (value: string) => createHash('sha256').update(value).digest();
/** Constant-time comparison of two secrets of any length. */
export const sameSecret = (a: string, b: string) => timingSafeEqual(digest(a), digest(b));

/** Tokens, roles and the in-memory sessions of one server. */
export class Auth {
  private readonly sessions = new Map<string, Session>();

  constructor(private readonly tokens: { operator?: string; viewer?: string }) {}

  /** True when no token is configured: a loopback-only server where whoever reaches it operates. */
  get open(): boolean {
    return !this.tokens.operator && !this.tokens.viewer;
  }

  roleOfToken(token: string): Role | undefined {
    if (this.tokens.operator && sameSecret(token, this.tokens.operator)) return 'operator';
    if (this.tokens.viewer && sameSecret(token, this.tokens.viewer)) return 'viewer';
    return undefined;
  }

  createSession(role: Role): Session {
    const session = {
      id: randomBytes(32).toString('base64url'),
      role,
      csrf: randomBytes(32).toString('base64url'),
      expires: Date.now() + sessionTtlMs,
    };
    this.sessions.set(session.id, session);
    if (this.sessions.size > maxSessions) this.sessions.delete(this.sessions.keys().next().value!);
    return session;
  }

  endSession(id: string): void {
    this.sessions.delete(id);
  }

  /** Who sent the request: a bearer token, a session cookie, or (no tokens configured) an operator. */
  principalOf(req: IncomingMessage): Principal | undefined {
    const bearer = /^Bearer\s+(.+)$/i.exec(req.headers.authorization ?? '')?.[1]?.trim();
    if (bearer) {
      const role = this.roleOfToken(bearer);
      return role ? { role } : undefined;
    }
    const id = cookiesOf(req)[sessionCookie];
    const session = id ? this.sessions.get(id) : undefined;
    if (session && session.expires > Date.now()) return { role: session.role, session };
    if (session) this.sessions.delete(session.id);
    if (this.open) {
      // Still a session, so that forms carry a CSRF token even without login.
      const anonymous = this.createSession('operator');
      return { role: 'operator', session: anonymous };
    }
    return undefined;
  }
}

export function cookiesOf(req: IncomingMessage): Record<string, string> {
  const out: Record<string, string> = {};
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0) out[part.slice(0, eq).trim()] = decodeURIComponent(part.slice(eq + 1).trim());
  }
  return out;
}

export const sessionCookieHeader = (session: Session) =>
  `${sessionCookie}=${session.id}; HttpOnly; SameSite=Strict; Path=/; Max-Age=${Math.floor(sessionTtlMs / 1000)}`;
export const clearedCookieHeader = `${sessionCookie}=; HttpOnly; SameSite=Strict; Path=/; Max-Age=0`;
