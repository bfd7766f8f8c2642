import { statSync } from 'node:fs';
import { resolve } from 'node:path';
import { FaultlineError, UsageError } from '@faultline/core';
import type { CliIo } from '../cli-io.js';
import type { GlobalFlags } from '../global-flags.js';
import { openCliStore } from '../store/cli-store.js';
import type { ServeFlags } from './serve.js';

export async function serve(flags: ServeFlags, globals: GlobalFlags, io: CliIo): Promise<void> {
  const port = Number(flags.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new UsageError(`--port must be a port number, got "${flags.port}"`, {
      hint: 'e.g. --port 8080 (0 picks a free port)',
    });
  const token = flags.token ?? (io.env.FAULTLINE_SERVE_TOKEN || undefined);
  const viewerToken = flags.viewerToken ?? (io.env.FAULTLINE_SERVE_VIEWER_TOKEN || undefined);
  const { startServer, assertSafeBind } = await import('@faultline/server');
  // Refuse an unsafe bind before opening (and maybe migrating) the store.
  assertSafeBind({ host: flags.host, token, viewerToken });
  const lostAfter = Number(flags.lostAfter);
  if (!(lostAfter > 0))
    throw new UsageError(`--lost-after must be a positive number of seconds, got "${flags.lostAfter}"`, {
      hint: 'runs publish a heartbeat every 0.5 s; e.g. --lost-after 15',
    });
  const experiments = flags.experiments === undefined ? undefined : experimentsDir(flags.experiments, io);
  const store = await openCliStore(flags.store, globals, io);
  let server: Awaited<ReturnType<typeof startServer>>;
  try {
    const { liveRunsOfThisMachine } = await import('./serve-live-runs.js');
    const { withRunsOfTheTeam } = await import('./serve-live-team.js');
    const { experimentLibrary } = await import('./serve-library.js');
    server = await startServer({
      store,
      host: flags.host,
      port,
      token,
      viewerToken,
      liveRuns: withRunsOfTheTeam(liveRunsOfThisMachine(globals, io), store, { lostAfterMs: lostAfter * 1000 }),
      library: experiments === undefined ? undefined : experimentLibrary(experiments, globals, io, flags.store),
    });
  } catch (error) {
    await store.close();
    if ((error as NodeJS.ErrnoException).code === 'EADDRINUSE')
      throw new FaultlineError(`cannot listen on ${flags.host}:${port}: the address is in use`, {
        code: 'E_SERVE_LISTEN',
        hint: 'pick another --port (0 picks a free one)',
      });
    throw error;
  }
  io.stdout.write(
    `faultline serve: ${server.url} (store ${store.location}; ${token ? `operator token${viewerToken ? ' and viewer token' : ''} required` : 'no token: loopback only'})\n`,
  );
  await new Promise<void>((done) => {
    const unregister = io.onSignal((signal) => {
      unregister();
      io.stderr.write(`faultline serve: ${signal}, closing\n`);
      void server
        .close()
        .then(() => store.close())
        .then(done, done);
    });
  });
}

/** The --experiments folder, absolute; a missing folder or a file is refused before anything starts. */
function experimentsDir(dir: string, io: CliIo): string {
  const path = resolve(io.cwd, dir);
  let isDirectory = false;
  try {
    isDirectory = statSync(path).isDirectory();
  } catch {
    // reported below
  }
  if (!isDirectory)
    throw new UsageError(`--experiments ${dir}: not a folder`, {
      code: 'E_SERVE_EXPERIMENTS',
      hint: 'give the folder that holds your experiment files (.json, .yaml, .yml)',
    });
  return path;
}
