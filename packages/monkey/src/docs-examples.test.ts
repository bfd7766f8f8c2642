import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildMonkeyCjs, repoRoot } from './__fixtures__/built-package.js';
import { close, listen } from './__fixtures__/http-fixtures.js';
import { gettingStarted } from './__fixtures__/seed-application-yml.js';
import type { MonkeyConfig } from './config/monkey-config.js';
import { createMonkey } from './monkey/create-monkey.js';
import { fencedBlocks } from '../../../test/docs/fenced-blocks.js';

const run = promisify(execFile);

const blocks = fencedBlocks('docs/monkey.md');
const js = blocks.filter((b) => b.lang === 'javascript');
const shell = blocks.filter((b) => b.lang === 'bash');

/** What each JavaScript example must have configured, in the order of the page. */
const expected: Array<(config: MonkeyConfig) => void> = [
  (c) =>
    expect(c).toMatchObject({ enabled: true, latency: { minMs: 500, maxMs: 3000 }, exceptions: { probability: 0.2 } }),
  (c) => expect(c).toMatchObject({ enabled: true, level: 3, latency: { enabled: true, minMs: 2000, maxMs: 5000 } }),
  (c) => expect(c.overrides.map((o) => o.target)).toEqual(['OrderRepository.*', 'POST /api/payments']),
  (c) => expect(c.enabled).toBe(false),
  (c) => expect(c.enabled).toBe(false),
];

const token = 'docs-token';
const env = { ...process.env, NODE_PATH: `${repoRoot}node_modules`, ENABLE_CHAOS: 'true', CHAOS_MONKEY_TOKEN: token };

describe('the examples in docs/monkey.md', () => {
  let dir: string;
  beforeAll(() => {
    buildMonkeyCjs();
    dir = mkdtempSync(join(tmpdir(), 'monkey-docs-'));
    writeFileSync(join(dir, 'application.yml'), gettingStarted);
  }, 120_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('has a check for every JavaScript example and one shell example', () => {
    expect(js.length).toBe(expected.length);
    expect(shell.length).toBe(1);
    expect(blocks.length).toBe(js.length + shell.length);
  });

  js.forEach((block, i) => {
    it(`JavaScript example ${i + 1} runs as written (${block.code.split('\n')[0]})`, async () => {
      const file = join(dir, `example-${i + 1}.cjs`);
      // The page's code verbatim, then print what the monkey it created is configured with.
      writeFileSync(
        file,
        `${block.code}\n;process.stdout.write('\\n@@' + JSON.stringify(require('@faultline/monkey').getConfig()));\n`,
      );
      const { stdout } = await run(process.execPath, [file], { cwd: dir, env, timeout: 60_000 });
      expected[i]!(JSON.parse(stdout.slice(stdout.lastIndexOf('@@') + 2)) as MonkeyConfig);
    });
  });

  it('the curl commands configure the control API (host and port of a local service)', async () => {
    const monkey = createMonkey({ logger: { info() {}, warn() {} } });
    const server: Server = createServer(
      monkey.http((_req, res) => res.end(), { actuator: monkey.actuator({ token }) }),
    );
    const base = await listen(server);
    try {
      await run('bash', ['-euo', 'pipefail', '-c', shell[0]!.code.replaceAll('http://localhost:8080', base)], {
        env,
        timeout: 60_000,
      });
      expect(monkey.status().enabled).toBe(true);
      expect(monkey.getConfig()).toMatchObject({ level: 5, latency: { enabled: true, minMs: 1000, maxMs: 3000 } });
    } finally {
      await close(server);
      monkey.close();
    }
  });
});
