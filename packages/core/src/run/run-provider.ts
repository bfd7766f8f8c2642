import type { ActivityContext } from '../activity/activity-context.js';
import type { Provider } from '../model/experiment.js';
import type { ActivityResolver } from '../resolve/activity-resolver.js';
import { runHttpProvider } from '../provider/http/index.js';
import { runProcessProvider } from '../provider/process/index.js';

export interface ProviderDeps {
  resolver: ActivityResolver;
  baseDir: string;
  verifyTls: boolean;
  env?: Readonly<Record<string, string | undefined>>;
  /** Told of a call abandoned by an interruption or a timeout: it may still be running (and registering reverts). */
  onAbandoned?: (call: Promise<unknown>) => void;
}

/** Runs a (substituted) provider and returns its output. Throws when the activity fails. */
export async function runProvider(provider: Provider, deps: ProviderDeps, ctx: ActivityContext): Promise<unknown> {
  switch (provider.type) {
    case 'http':
      return runHttpProvider(provider, { signal: ctx.signal, verifyTls: deps.verifyTls, env: deps.env });
    case 'process':
      return runProcessProvider(provider, {
        signal: ctx.signal,
        cwd: deps.baseDir,
        env: deps.env as Record<string, string | undefined> | undefined,
      });
    case 'python':
    case 'javascript': {
      const resolved = await deps.resolver.resolve(provider, deps.baseDir);
      return untilAborted(resolved.call(provider.arguments ?? {}, ctx, provider.secrets), ctx.signal, deps.onAbandoned);
    }
  }
}

/**
 * A JavaScript activity may ignore its AbortSignal; the run must still stop on SIGINT/SIGTERM or a
 * timeout and go on to revert, so the call is abandoned (left to settle on its own) once aborted.
 */
function untilAborted<T>(
  call: Promise<T>,
  signal: AbortSignal,
  onAbandoned: (call: Promise<unknown>) => void = () => {},
): Promise<T> {
  const abandon = () =>
    onAbandoned(
      call.then(
        () => undefined,
        () => undefined,
      ),
    );
  if (signal.aborted) {
    abandon();
    return Promise.reject(signal.reason);
  }
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => {
      abandon();
      reject(signal.reason);
    };
    signal.addEventListener('abort', onAbort, { once: true });
    call.then(
      (value) => {
        signal.removeEventListener('abort', onAbort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(error);
      },
    );
  });
}
