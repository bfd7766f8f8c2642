import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The built CLI: end-to-end tests run exactly what users run. FAULTLINE_TEST_CLI=bin runs them
 * through the launcher (bin/faultline.js: the bundle when it is up to date) instead of dist/.
 */
export const cliPath = fileURLToPath(
  new URL(
    process.env.FAULTLINE_TEST_CLI === 'bin' ? '../../bin/faultline.js' : '../../dist/bin/faultline.js',
    import.meta.url,
  ),
);

/** Runs of these tests list their state files here, not in the user's ~/.local/state. */
const testRunsDir = mkdtempSync(join(tmpdir(), 'faultline-runs-'));

export interface CliResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

export function runCli(
  args: string[],
  options: { cwd: string; env?: Record<string, string>; onSpawn?: (pid: number) => void; timeoutMs?: number },
): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [cliPath, ...args], {
      cwd: options.cwd,
      // runs are recorded in a store inside the test's folder, never in the user's
      env: {
        ...process.env,
        NO_COLOR: '1',
        XDG_DATA_HOME: join(options.cwd, '.data'),
        FAULTLINE_STORE: '',
        FAULTLINE_RUNS_DIR: testRunsDir,
        ...options.env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 30_000);
    child.on('error', reject);
    child.on('spawn', () => options.onSpawn?.(child.pid!));
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, stdout, stderr });
    });
  });
}

export function tempDir(prefix = 'faultline-cli-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

export function writeFile(dir: string, name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

/** A local service whose health the test controls. */
export async function startService(): Promise<{
  url: string;
  server: Server;
  state: { status: number; hits: number; delayMs: number };
  close(): Promise<void>;
}> {
  const state = { status: 200, hits: 0, delayMs: 0 };
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    state.hits++;
    if (req.url?.startsWith('/set/')) {
      state.status = Number(req.url.slice(5));
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ status: state.status }));
      return;
    }
    setTimeout(
      () =>
        res
          .writeHead(state.status, { 'content-type': 'application/json; charset=utf-8' })
          .end(JSON.stringify({ ok: state.status < 400 })),
      state.delayMs,
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { url, server, state, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

/**
 * An experiment that enables the demo service's chaos monkey (a fault with a revert) and then
 * holds it: `title` names it, `after` is YAML appended to the method.
 */
export function monkeyExperiment(title: string, after = '    pauses: { after: 60 }\n'): string {
  return `
title: "${title}"
configuration:
  orders_url: { type: env, key: DEMO_ORDERS_URL }
secrets:
  monkey:
    chaosmonkey_token: { type: env, key: DEMO_MONKEY_TOKEN }
method:
  - type: action
    name: enable-chaos-monkey
    provider:
      type: python
      module: chaosspring.actions
      func: enable_chaosmonkey
      secrets: [monkey]
      arguments: { base_url: "\${orders_url}/actuator" }
${after}`;
}

/** Polling for a condition: the suite's one helper. */
export { until } from '@faultline/core/testing';
