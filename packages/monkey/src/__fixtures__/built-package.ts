import { execFileSync, fork, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';

export const repoRoot = fileURLToPath(new URL('../../../../', import.meta.url));

/** Builds the CommonJS entry so spawned processes `require('@faultline/monkey')` as users do. */
export function buildMonkeyCjs(): void {
  execFileSync(
    process.execPath,
    [`${repoRoot}node_modules/typescript/bin/tsc`, '-b', `${repoRoot}packages/monkey/tsconfig.cjs.json`],
    { stdio: 'inherit' },
  );
}

/** Builds the whole package (ESM with its activities, and CommonJS), as `npm test` does. */
export function buildMonkey(): void {
  execFileSync(process.execPath, [`${repoRoot}node_modules/typescript/bin/tsc`, '-b', `${repoRoot}packages/monkey`], {
    stdio: 'inherit',
  });
}

export interface Child {
  proc: ChildProcess;
  base: string;
  output: () => string;
  exit: Promise<number | null>;
}

/** Forks a script that sends `{ port }` over IPC once listening. */
export async function forkServer(
  script: string,
  env: Record<string, string> = {},
  args: string[] = [],
): Promise<Child> {
  const proc = fork(script, args, {
    cwd: repoRoot,
    env: { ...process.env, PORT: '0', ...env },
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
  });
  let out = '';
  proc.stdout!.on('data', (d) => {
    out += d;
  });
  proc.stderr!.on('data', (d) => {
    out += d;
  });
  const exit = once(proc, 'exit').then(([code]) => code as number | null);
  const [message] = (await Promise.race([
    once(proc, 'message'),
    exit.then((code) => {
      throw new Error(`${script} exited with ${code} before listening:\n${out}`);
    }),
  ])) as [{ port: number }];
  return { proc, base: `http://127.0.0.1:${message.port}`, output: () => out, exit };
}
