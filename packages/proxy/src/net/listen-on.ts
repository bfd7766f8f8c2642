import type { Server } from 'node:net';
import { ApiError } from '../server/api-error.js';
import { formatHostPort, type HostPort } from './host-port.js';

const reasons: Record<string, { status: number; why: string; hint: string }> = {
  EADDRINUSE: {
    status: 409,
    why: 'address already in use',
    hint: 'another process (or proxy) listens there: pick another port, or port 0 for a free one',
  },
  EADDRNOTAVAIL: {
    status: 400,
    why: 'not an address of this machine',
    hint: 'listen on 127.0.0.1 (or an address of a local interface; 0.0.0.0 for all of them)',
  },
  ENOTFOUND: { status: 400, why: 'host name does not resolve', hint: 'use an IP address such as 127.0.0.1' },
  EAI_AGAIN: { status: 400, why: 'host name does not resolve', hint: 'use an IP address such as 127.0.0.1' },
  EACCES: { status: 400, why: 'permission denied', hint: 'ports below 1024 need privileges: pick a higher port' },
};

/**
 * Binds a server, turning the socket error into an ApiError a user can act on (Toxiproxy's
 * "listen tcp <addr>: <why>" message, a 4xx status and a hint) instead of a raw errno.
 */
export function listenOn(server: Server, address: HostPort, exclusive = false): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    const onError = (error: NodeJS.ErrnoException): void => {
      const known = reasons[error.code ?? ''];
      const where = formatHostPort(address.host, address.port);
      reject(
        new ApiError(`listen tcp ${where}: ${known?.why ?? error.code ?? error.message}`, known?.status ?? 500, {
          code: 'E_PROXY_LISTEN',
          hint: known?.hint,
          cause: error,
        }),
      );
    };
    server.once('error', onError);
    server.listen({ host: address.host, port: address.port, exclusive }, () => {
      server.off('error', onError);
      resolve();
    });
  });
}
