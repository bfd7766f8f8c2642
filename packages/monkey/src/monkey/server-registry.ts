import type { IncomingMessage } from 'node:http';
import type { Server } from 'node:net';

/** The servers the monkey has seen, which the kill assault stops accepting. */
export interface ServerRegistry {
  readonly all: ReadonlySet<Server>;
  add(server: Server): void;
  /** Remembers the server a request came in on (cheap: one comparison once known). */
  note(req: IncomingMessage): void;
}

export function createServerRegistry(): ServerRegistry {
  const all = new Set<Server>();
  let last: Server | undefined;
  return {
    all,
    add: (server) => void all.add(server),
    note(req) {
      const server = (req.socket as { server?: Server } | null)?.server;
      if (server !== undefined && server !== last) {
        last = server;
        all.add(server);
      }
    },
  };
}
