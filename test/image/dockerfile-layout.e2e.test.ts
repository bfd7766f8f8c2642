import { execFile, execFileSync } from 'node:child_process';
import {
  chmodSync,
  chownSync,
  existsSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as k8s from '@kubernetes/client-node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applySchedule } from '@faultline/kubernetes/schedule';
import { selfSignedCert } from '@faultline/core/testing';
import type { FakeApiServer } from '@faultline/kubernetes/testing';
import {
  authorizerFor,
  experiment,
  podFor,
  lastResultOf,
  livePods,
  podSpecOf,
  scheduleOf,
  startShopApiServer,
} from '../../packages/cli/src/__tests__/schedule-pod.js';

// There is no Docker engine here, so this reproduces the image's /app without one: the files
// `COPY . .` takes (honouring .dockerignore), the build's output, node_modules pruned as
// `npm prune --omit=dev` prunes it; then runs the CLI from that tree as the image's user, the tree
// read-only to it. A runtime dependency declared only as a devDependency is missing from the tree,
// and the run fails. What stays unverified is `docker build` itself (the base image, npm ci).

const repo = fileURLToPath(new URL('../..', import.meta.url));
const dockerfile = readFileSync(join(repo, 'Dockerfile'), 'utf8');

/** The Dockerfile's instructions, continuation lines joined, comments dropped. */
const instructions = dockerfile
  .replace(/\\\n/g, ' ')
  .split('\n')
  .map((line) => line.trim())
  .filter((line) => line && !line.startsWith('#'));
const stages = instructions.reduce<string[][]>((all, line) => {
  if (/^FROM\s/i.test(line)) all.push([]);
  all.at(-1)?.push(line);
  return all;
}, []);
const finalStage = stages.at(-1) ?? [];
const [, imageUser, imageGroup] =
  /^USER\s+(\d+)(?::(\d+))?$/.exec(finalStage.find((l) => /^USER\s/.test(l)) ?? '') ?? [];

/** Docker's .dockerignore rules: paths from the context root, `**` any depth, last match wins. */
function dockerIgnored(patterns: string[]): (path: string) => boolean {
  const rules = patterns
    .map((line) => line.trim())
    .filter((line) => line && !line.startsWith('#'))
    .map((line) => {
      const negated = line.startsWith('!');
      const glob = line.replace(/^!/, '').replace(/^\/+|\/+$/g, '');
      const source = glob
        .split(/(\*\*\/|\*\*|\*|\?)/)
        .map((part) =>
          part === '**/'
            ? '(?:.*/)?'
            : part === '**'
              ? '.*'
              : part === '*'
                ? '[^/]*'
                : part === '?'
                  ? '[^/]'
                  : part.replace(/[.+^${}()|[\]\\]/g, '\\$&'),
        )
        .join('');
      // a pattern matching a folder excludes everything in it
      return { negated, regex: new RegExp(`^${source}(?:/.*)?$`) };
    });
  return (path) => rules.reduce((ignored, rule) => (rule.regex.test(path) ? !rule.negated : ignored), false);
}

/** Runs `node <args>` as the image's user, with only the environment given (no inherited one). */
function runAsImageUser(args: string[], options: { cwd: string; env: Record<string, string> }) {
  return new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
    execFile(
      'setpriv',
      [`--reuid=${imageUser}`, `--regid=${imageGroup}`, '--clear-groups', process.execPath, ...args],
      {
        cwd: options.cwd,
        // the suite's marker, so its teardown notices a CLI this test left running
        env: { FAULTLINE_TEST_SESSION: process.env.FAULTLINE_TEST_SESSION ?? '', ...options.env },
        timeout: 60_000,
        killSignal: 'SIGKILL',
      },
      (error, stdout, stderr) =>
        resolve({ code: error ? (typeof error.code === 'number' ? error.code : -1) : 0, stdout, stderr }),
    );
  });
}

describe('the image a schedule runs, reproduced without Docker', () => {
  let scratch: string;
  let app: string;
  let bin: string;
  let server: FakeApiServer;
  const tls = selfSignedCert();
  const minimalEnv = (home: string) => ({ PATH: '/usr/local/bin:/usr/bin:/bin', HOME: home, NODE_ENV: 'production' });

  beforeAll(async () => {
    // Switching to the image's user takes root, as the image's own build does (and CI runs as root).
    if (process.getuid?.() !== 0) throw new Error('this test runs as root: it runs the CLI as user 10001 (setpriv)');
    scratch = mkdtempSync(join(tmpdir(), 'faultline-image-'));
    chmodSync(scratch, 0o755); // mkdtemp makes it 0700: the image's user could not even reach /app
    app = join(scratch, 'app');
    bin = join(app, 'packages/cli/bin/faultline.js');
    // COPY . . — the working tree's files (committed or not), minus what .dockerignore excludes.
    const ignored = dockerIgnored(readFileSync(join(repo, '.dockerignore'), 'utf8').split('\n'));
    const files = execFileSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], {
      cwd: repo,
      encoding: 'utf8',
    })
      .split('\0')
      .filter((file) => file && !ignored(file) && existsSync(join(repo, file)));
    mkdirSync(app);
    execFileSync('cp', ['-a', '--parents', '-t', app, ...files], { cwd: repo });
    // RUN npm ci (its `prepare` is `npm run build`): the build's output and the installed tree,
    // node_modules hard-linked (fast; npm prune only unlinks), then pruned as the Dockerfile prunes it.
    const workspaces = readdirSync(join(repo, 'packages'));
    for (const output of [...workspaces.map((w) => `packages/${w}/dist`), 'packages/cli/bundle'])
      if (existsSync(join(repo, output))) execFileSync('cp', ['-a', join(repo, output), join(app, output)]);
    for (const modules of ['node_modules', ...workspaces.map((w) => `packages/${w}/node_modules`)])
      if (existsSync(join(repo, modules))) execFileSync('cp', ['-al', join(repo, modules), join(app, modules)]);
    execFileSync('npm', ['prune', '--omit=dev', '--no-audit', '--no-fund', '--offline'], {
      cwd: app,
      stdio: 'pipe',
    });
    server = await startShopApiServer(tls);
  });
  afterAll(async () => {
    await server?.close();
    if (scratch) rmSync(scratch, { recursive: true, force: true });
  });

  it("keeps the Dockerfile's promises, matching the pod the CronJob renders", async () => {
    expect(stages.length).toBeGreaterThanOrEqual(2);
    expect(stages[0]![0]).toMatch(/^FROM\s+\S+\s+AS\s+build$/i);
    expect(stages[0]).toContain('RUN npm ci && npm prune --omit=dev');
    expect(finalStage).toContain('COPY --from=build --chown=0:0 /app /app');
    expect(Number(imageUser)).toBeGreaterThan(0);
    expect(Number(imageGroup)).toBeGreaterThan(0);
    const entrypoint = finalStage.find((line) => line.startsWith('ENTRYPOINT '))!;
    expect(JSON.parse(entrypoint.slice('ENTRYPOINT '.length))).toEqual(['faultline']);
    const [, linked] = /ln -s (\S+) \/usr\/local\/bin\/faultline/.exec(finalStage.join('\n')) ?? [];
    expect(linked).toBe('/app/packages/cli/bin/faultline.js');
    expect(lstatSync(bin).mode & 0o111).not.toBe(0); // the symlink runs it through its shebang

    const { objects } = await scheduleOf('checkout', experiment);
    const pod = podSpecOf(objects);
    expect(pod.securityContext).toMatchObject({
      runAsNonRoot: true,
      runAsUser: Number(imageUser),
      runAsGroup: Number(imageGroup),
    });
    const container = pod.containers[0]!;
    expect(container.command).toEqual(JSON.parse(entrypoint.slice('ENTRYPOINT '.length)));
    expect(container.securityContext?.readOnlyRootFilesystem).toBe(true);
    // The only writable place is /tmp, an emptyDir, which the image makes HOME and the working directory.
    expect(container.workingDir).toBe('/tmp');
    expect(finalStage).toContain('WORKDIR /tmp');
    expect(finalStage.find((line) => line.startsWith('ENV '))).toMatch(/\bHOME=\/tmp\b/);
    const tmpMount = container.volumeMounts?.find((mount) => mount.mountPath === '/tmp');
    expect(pod.volumes?.find((volume) => volume.name === tmpMount?.name)?.emptyDir).toBeDefined();
  });

  it("holds the build's output and the runtime dependencies, no dev tools, nothing the image's user can write", () => {
    expect(existsSync(join(app, 'packages/cli/bundle/faultline.js'))).toBe(true);
    expect(existsSync(join(app, 'packages/core/dist/index.js'))).toBe(true);
    expect(existsSync(join(app, '.git'))).toBe(false);
    // devDependencies are gone, runtime ones stay
    for (const dev of ['vitest', 'typescript', 'eslint', 'esbuild'])
      expect(existsSync(join(app, 'node_modules', dev))).toBe(false);
    for (const runtime of ['@kubernetes/client-node', 'better-sqlite3', 'commander'])
      expect(existsSync(join(app, 'node_modules', runtime))).toBe(true);
    // Owned by root and not writable by others, as COPY --chown=0:0 leaves it for user 10001.
    const writable = execFileSync(
      'find',
      [app, '(', '-perm', '-o+w', '-o', '!', '-user', '0', ')', '!', '-type', 'l'],
      {
        encoding: 'utf8',
      },
    );
    expect(writable).toBe('');
  });

  it('starts as the image user with a minimal environment', async () => {
    const home = mkdtempSync(join(scratch, 'home-'));
    chownSync(home, Number(imageUser), Number(imageGroup));
    const result = await runAsImageUser([bin, '--version'], { cwd: home, env: minimalEnv(home) });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout.trim()).toBe(JSON.parse(readFileSync(join(app, 'packages/cli/package.json'), 'utf8')).version);
  });

  it("runs a schedule's Job from the pruned tree against the API server and records the run", async () => {
    const { objects } = await scheduleOf('checkout', experiment);
    server.authorize = () => true;
    await applySchedule(
      k8s.KubernetesObjectApi.makeApiClient(server.kubeConfig),
      { name: 'checkout', namespace: 'chaos' },
      objects,
    );
    server.authorize = authorizerFor(objects, 'chaos');
    const storePath = join(scratch, 'store', 'runs.sqlite');
    const { args, env, workDir, root } = podFor(objects, server, tls.cert, { 'faultline-store/url': storePath });
    try {
      // The pod: its mounts readable, /tmp (the emptyDir) and the store's folder the user's.
      chmodSync(root, 0o755);
      for (const dir of [workDir, join(scratch, 'store')]) {
        mkdirSync(dir, { recursive: true });
        chownSync(dir, Number(imageUser), Number(imageGroup));
      }
      const podEnv = { ...env, ...minimalEnv(workDir) };
      const result = await runAsImageUser([bin, ...args], { cwd: workDir, env: podEnv });
      expect(result.stderr).not.toMatch(/error|cannot find/i);
      expect(result.code).toBe(0);
      expect(result.stdout).toMatch(/^journal: \{.*"status":"completed"/m);
      expect(livePods(server, 'app=checkout')).toHaveLength(1);
      const summary = lastResultOf(server, 'checkout');
      expect(summary).toMatchObject({ status: 'completed', deviated: false });
      const history = await runAsImageUser(
        [bin, '--no-log-file', 'history', '--store', storePath, '--output', 'json'],
        {
          cwd: workDir,
          env: minimalEnv(workDir),
        },
      );
      expect(history.code).toBe(0);
      expect(JSON.parse(history.stdout).runs).toMatchObject([{ outcome: 'held' }]);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
