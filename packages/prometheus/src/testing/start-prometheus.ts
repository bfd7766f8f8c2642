import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from './free-port.js';

export interface StartPrometheusOptions {
  /** Path of the prometheus binary (from findSystemBinary('prometheus')). */
  readonly binary: string;
  /** host:port targets scraped under job "test". */
  readonly targets: readonly string[];
  /** Labels Prometheus adds to every series of the targets (say `app: checkout`). */
  readonly labels?: Readonly<Record<string, string>>;
  /** Scrape interval (default "1s", so tests see data within seconds). */
  readonly scrapeInterval?: string;
  readonly startTimeoutMs?: number;
}

export interface RunningPrometheus {
  readonly url: string;
  readonly port: number;
  readonly dataDir: string;
  stop(): Promise<void>;
}

/**
 * Start a real Prometheus on 127.0.0.1 with its TSDB in a temp dir, scraping `targets`.
 * Prometheus cannot listen on port 0, so a free port is picked first (retried if taken meanwhile).
 */
export async function startPrometheus(options: StartPrometheusOptions): Promise<RunningPrometheus> {
  const dataDir = await mkdtemp(join(tmpdir(), 'faultline-prometheus-'));
  const interval = options.scrapeInterval ?? '1s';
  const config = [
    'global:',
    `  scrape_interval: ${interval}`,
    `  evaluation_interval: ${interval}`,
    'scrape_configs:',
    '  - job_name: test',
    `    scrape_interval: ${interval}`,
    '    static_configs:',
    `      - targets: [${options.targets.map((t) => JSON.stringify(t)).join(', ')}]`,
    ...(options.labels ? [`        labels: ${JSON.stringify(options.labels)}`] : []),
    '',
  ].join('\n');
  const configFile = join(dataDir, 'prometheus.yml');
  await writeFile(configFile, config);
  let lastError: Error | undefined;
  for (let attempt = 0; attempt < 3; attempt++) {
    const port = await freePort();
    const child = spawn(
      options.binary,
      [
        `--config.file=${configFile}`,
        `--storage.tsdb.path=${join(dataDir, 'data')}`,
        `--web.listen-address=127.0.0.1:${port}`,
        '--log.level=warn',
      ],
      { stdio: ['ignore', 'ignore', 'pipe'] },
    );
    let stderr = '';
    child.stderr?.on('data', (chunk: Buffer) => {
      stderr = (stderr + chunk.toString()).slice(-4000);
    });
    const url = `http://127.0.0.1:${port}`;
    try {
      await waitReady(url, child, options.startTimeoutMs ?? 30_000);
      return {
        url,
        port,
        dataDir,
        async stop() {
          await stopChild(child);
          await rm(dataDir, { recursive: true, force: true });
        },
      };
    } catch (error) {
      await stopChild(child);
      lastError = new Error(`prometheus did not start: ${(error as Error).message}\n${stderr}`);
    }
  }
  await rm(dataDir, { recursive: true, force: true });
  throw lastError ?? new Error('prometheus did not start');
}

async function waitReady(url: string, child: ChildProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`exited with code ${child.exitCode}`);
    try {
      const response = await fetch(`${url}/-/ready`);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`not ready after ${timeoutMs} ms`);
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill('SIGTERM');
  });
}
