import type { IncomingMessage, Server } from 'node:http';
import type { Server as TlsServer } from 'node:https';
import type { Duplex } from 'node:stream';
import { WebSocketServer } from 'ws';
import type { ResourceStore } from './resource-store.js';
import type { KubeObject } from './resource-types.js';

/** What a command "run" in a fake pod prints and how it exits, decided by the test. */
export interface PodExecResult {
  stdout?: string;
  stderr?: string;
  exitCode?: number;
}

export type PodExecHandler = (call: {
  namespace: string;
  pod: KubeObject;
  container: string;
  command: string[];
}) => PodExecResult | Promise<PodExecResult>;

const handlers = new WeakMap<ResourceStore, PodExecHandler>();

/**
 * Decide what commands exec'd in the fake cluster's pods return (there are no processes to run).
 * Without a handler, an exec fails with a Status saying so.
 */
export function setPodExecHandler(store: ResourceStore, handler: PodExecHandler | undefined): void {
  if (handler) handlers.set(store, handler);
  else handlers.delete(store);
}

const execPath = /^\/api\/v1\/namespaces\/([^/]+)\/pods\/([^/]+)\/exec$/;
// Channels of the Kubernetes streaming protocol (v4.channel.k8s.io): one byte, then the payload.
const stdoutChannel = 1;
const stderrChannel = 2;
const statusChannel = 3;

function refuse(socket: Duplex, code: number, reason: string, message: string): void {
  const body = JSON.stringify({ kind: 'Status', apiVersion: 'v1', status: 'Failure', reason, message, code });
  socket.end(
    `HTTP/1.1 ${code} ${reason}\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
  );
}

/**
 * Serve `pods/<name>/exec` over WebSocket as the API server does (the channel protocol
 * client-node's Exec speaks): the pod and container must exist and the pod must run; what the
 * command prints and its exit code come from the test's handler.
 */
export function attachPodExec(server: Server | TlsServer, store: ResourceStore, token?: string): void {
  const sockets = new WebSocketServer({
    noServer: true,
    handleProtocols: (offered) => (offered.has('v4.channel.k8s.io') ? 'v4.channel.k8s.io' : false),
  });
  server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    const url = new URL(req.url ?? '/', 'http://fake');
    const match = execPath.exec(url.pathname);
    if (!match) return refuse(socket, 404, 'NotFound', 'the server could not find the requested resource');
    if (token && req.headers.authorization !== `Bearer ${token}`)
      return refuse(socket, 401, 'Unauthorized', 'Unauthorized');
    const [, namespace, name] = match.map(decodeURIComponent) as [string, string, string];
    const pod = store.get('pods', namespace, name);
    if (!pod) return refuse(socket, 404, 'NotFound', `pods "${name}" not found`);
    const containers = ((pod['spec'] as { containers?: Array<{ name: string }> } | undefined)?.containers ?? []).map(
      (container) => container.name,
    );
    const container = url.searchParams.get('container') || containers[0];
    if (!container || !containers.includes(container))
      return refuse(socket, 400, 'BadRequest', `container ${container ?? ''} is not valid for pod ${name}`);
    const phase = (pod['status'] as { phase?: string } | undefined)?.phase;
    if (phase !== 'Running')
      return refuse(socket, 400, 'BadRequest', `unable to upgrade connection: pod ${name} is not running (${phase})`);
    const command = url.searchParams.getAll('command');
    sockets.handleUpgrade(req, socket, head, async (ws) => {
      const send = (channel: number, text: string) =>
        ws.send(Buffer.concat([Buffer.from([channel]), Buffer.from(text)]));
      const handler = handlers.get(store);
      let status: Record<string, unknown>;
      try {
        if (!handler) throw new Error('fake API server: no exec handler set (setPodExecHandler)');
        const result = await handler({ namespace, pod, container, command });
        if (result.stdout) send(stdoutChannel, result.stdout);
        if (result.stderr) send(stderrChannel, result.stderr);
        const exitCode = result.exitCode ?? 0;
        status =
          exitCode === 0
            ? { metadata: {}, status: 'Success' }
            : {
                metadata: {},
                status: 'Failure',
                message: `command terminated with non-zero exit code: error executing command [${command.join(' ')}], exit code ${exitCode}`,
                reason: 'NonZeroExitCode',
                details: { causes: [{ reason: 'ExitCode', message: String(exitCode) }] },
              };
      } catch (error) {
        status = { metadata: {}, status: 'Failure', message: (error as Error).message, reason: 'InternalError' };
      }
      send(statusChannel, JSON.stringify(status));
      ws.close(1000);
    });
  });
}
