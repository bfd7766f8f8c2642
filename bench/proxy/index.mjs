// Throughput and added latency of the fault proxy with no toxics, against a direct connection,
// a bare socket.pipe() proxy, HAProxy in TCP mode and Toxiproxy (when installed), all measured in
// this run with wrk; then the accuracy of a 100 ms latency toxic.
// Goals (issue 4): >= 0.95x the bare pipe's req/s and MB/s, p50 within 0.2 ms of the bare pipe's,
// latency toxic p99 within ±1 ms of 100 ms; and more req/s and MB/s than Toxiproxy.
import { fork, spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { median, percentile, printTable, verdict } from '../lib/measure.mjs';

const here = fileURLToPath(new URL('.', import.meta.url));
const rounds = Number(process.env.BENCH_ROUNDS ?? 5);
const seconds = Number(process.env.BENCH_SECONDS ?? 3);
const children = [];
process.on('exit', () => children.forEach((c) => c.kill('SIGKILL')));

function which(name) {
  for (const dir of [...(process.env.PATH ?? '').split(':'), '/usr/sbin', '/usr/bin'])
    if (existsSync(join(dir, name))) return join(dir, name);
  return undefined;
}

/** CPU seconds (user + system) a process has used: robust where wall-clock throughput is not. */
function cpuSeconds(pid) {
  if (!pid) return NaN;
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100; // utime, stime in clock ticks (USER_HZ = 100)
  } catch {
    return NaN;
  }
}

function start(script, args = []) {
  const child = fork(join(here, script), args.map(String), { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  children.push(child);
  return new Promise((resolve, reject) => {
    child.once('message', (message) => resolve({ ...message, pid: child.pid }));
    child.once('exit', (code) => reject(new Error(`${script} exited ${code}`)));
  });
}

async function startHaproxy(upstreamPort) {
  const haproxy = which('haproxy');
  if (!haproxy) {
    console.error('\n!!! haproxy is not installed: the HAProxy baseline is SKIPPED (apt-get install haproxy)\n');
    return undefined;
  }
  const port = await freePort();
  const dir = mkdtempSync(join(tmpdir(), 'faultline-haproxy-'));
  const config = join(dir, 'haproxy.cfg');
  writeFileSync(
    config,
    [
      'global',
      '  maxconn 4000',
      '  nbthread 1',
      'defaults',
      '  mode tcp',
      '  timeout connect 5s',
      '  timeout client 60s',
      '  timeout server 60s',
      'listen bench',
      `  bind 127.0.0.1:${port}`,
      `  server upstream 127.0.0.1:${upstreamPort}`,
      '',
    ].join('\n'),
  );
  const child = spawn(haproxy, ['-f', config, '-db'], { stdio: ['ignore', 'ignore', 'inherit'] });
  children.push(child);
  for (let i = 0; i < 100; i++) {
    if (await canConnect(port)) return { port, pid: child.pid };
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error('haproxy did not start');
}

/** Toxiproxy, the tool this proxy replaces: toxiproxy-server on PATH or at $TOXIPROXY_SERVER. */
async function startToxiproxy(upstreamPort) {
  const binary = process.env.TOXIPROXY_SERVER ?? which('toxiproxy-server');
  if (!binary) {
    console.error(
      '\n!!! toxiproxy-server is not installed: the Toxiproxy baseline is SKIPPED (set TOXIPROXY_SERVER)\n',
    );
    return undefined;
  }
  const apiPort = await freePort();
  const child = spawn(binary, ['-host', '127.0.0.1', '-port', String(apiPort)], { stdio: 'ignore' });
  children.push(child);
  for (let i = 0; i < 100 && !(await canConnect(apiPort)); i++) await new Promise((r) => setTimeout(r, 50));
  const port = await freePort();
  const res = await fetch(`http://127.0.0.1:${apiPort}/proxies`, {
    method: 'POST',
    body: JSON.stringify({ name: 'bench', listen: `127.0.0.1:${port}`, upstream: `127.0.0.1:${upstreamPort}` }),
  });
  if (res.status !== 201) throw new Error(`toxiproxy: ${res.status} ${await res.text()}`);
  return { port, pid: child.pid };
}

function freePort() {
  return new Promise((resolve) => {
    const s = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });
}

function canConnect(port) {
  return new Promise((resolve) => {
    const s = net.connect(port, '127.0.0.1');
    s.once('connect', () => (s.destroy(), resolve(true)));
    s.once('error', () => resolve(false));
  });
}

const units = { us: 0.001, ms: 1, s: 1000 };
const sizes = { B: 1, KB: 1024, MB: 1024 ** 2, GB: 1024 ** 3 };

/** Runs wrk; returns req/s, MB/s, latency p50/p99 in ms and the proxy's CPU µs per request. */
function wrk(port, path, connections, pid) {
  const cpuBefore = cpuSeconds(pid);
  const out = spawnSync(
    'wrk',
    ['-t1', `-c${connections}`, `-d${seconds}s`, '--latency', `http://127.0.0.1:${port}${path}`],
    { encoding: 'utf8' },
  );
  if (out.status !== 0) throw new Error(`wrk failed: ${out.stderr}`);
  const text = out.stdout;
  const rps = Number(/Requests\/sec:\s+([\d.]+)/.exec(text)[1]);
  const [, amount, unit] = /Transfer\/sec:\s+([\d.]+)(\w+)/.exec(text);
  const lat = (p) => {
    const [, v, u] = new RegExp(`\\s${p}%\\s+([\\d.]+)(us|ms|s)`).exec(text);
    return Number(v) * units[u];
  };
  const requests = Number(/(\d+) requests in/.exec(text)[1]);
  const cpuUs = ((cpuSeconds(pid) - cpuBefore) * 1e6) / requests;
  return { rps, mbps: (Number(amount) * sizes[unit]) / 1024 ** 2, p50: lat(50), p99: lat(99), cpuUs };
}

if (!which('wrk')) {
  console.error('!!! wrk is not installed: bench/proxy needs it (apt-get install wrk)');
  process.exit(1);
}
if (!existsSync(join(here, '../../packages/proxy/dist/index.js'))) {
  console.error('!!! build first: npx tsc -b packages/proxy');
  process.exit(1);
}

const upstream = await start('upstream.mjs');
const bare = await start('bare-pipe.mjs', [upstream.port]);
const targets = [
  { name: 'direct', port: upstream.port },
  { name: 'bare pipe', port: bare.port, pid: bare.pid },
];
const haproxy = await startHaproxy(upstream.port);
if (haproxy) targets.push({ name: 'haproxy tcp', port: haproxy.port, pid: haproxy.pid });
const toxiproxy = await startToxiproxy(upstream.port);
if (toxiproxy) targets.push({ name: 'toxiproxy', port: toxiproxy.port, pid: toxiproxy.pid });
const ours = await start('ours.mjs', [upstream.port, 'plain']);
targets.push({ name: 'faultline', port: ours.port, pid: ours.pid });
// Informational: the toxic chain's cost (both directions through a 0 ms latency toxic).
const chain = await start('ours.mjs', [upstream.port, 'chain']);
targets.push({ name: 'faultline chain', port: chain.port, pid: chain.pid });
// Informational: an HTTP proxy (protocol "http", no fault): every request parsed and forwarded.
const httpProxy = await start('ours.mjs', [upstream.port, 'http']);
targets.push({ name: 'faultline http', port: httpProxy.port, pid: httpProxy.pid });

// BENCH_SKIP="haproxy tcp,faultline chain,faultline http" measures fewer targets (more rounds in the same time).
const skipped = new Set((process.env.BENCH_SKIP ?? '').split(',').filter(Boolean));
for (const name of skipped)
  if (['direct', 'bare pipe', 'faultline'].includes(name)) throw new Error(`BENCH_SKIP cannot skip ${name}`);
targets.splice(0, targets.length, ...targets.filter((t) => !skipped.has(t.name)));

const scenarios = [
  { name: 'small, 50 conns', path: '/', connections: 50, metric: 'rps' },
  { name: '256KB, 10 conns', path: '/large', connections: 10, metric: 'mbps' },
  { name: 'latency, 1 conn', path: '/', connections: 1, metric: 'p50' },
];
const results = {};
for (const t of targets) wrk(t.port, '/', 10); // warm up
for (let round = 0; round < rounds; round++) {
  for (const s of scenarios) {
    // Rotate the order each round so drift on the machine hits every target alike.
    const order = targets.map((_, i) => targets[(i + round) % targets.length]);
    for (const t of order) ((results[s.name] ??= {})[t.name] ??= []).push(wrk(t.port, s.path, s.connections, t.pid));
  }
}

const med = (samples, key) => median(samples.map((x) => x[key]));
const rows = [];
for (const s of scenarios) {
  const direct = results[s.name].direct;
  const bare = results[s.name]['bare pipe'];
  for (const t of targets) {
    const r = results[s.name][t.name];
    rows.push({
      scenario: s.name,
      target: t.name,
      'req/s': med(r, 'rps').toFixed(0),
      'MB/s': med(r, 'mbps').toFixed(1),
      'p50 ms': med(r, 'p50').toFixed(3),
      'p99 ms': med(r, 'p99').toFixed(3),
      'x direct req/s': (med(r, 'rps') / med(direct, 'rps')).toFixed(3),
      'x direct MB/s': (med(r, 'mbps') / med(direct, 'mbps')).toFixed(3),
      'added p50': (med(r, 'p50') - med(direct, 'p50')).toFixed(3),
      'added p99': (med(r, 'p99') - med(direct, 'p99')).toFixed(3),
      'x bare req/s': (med(r, 'rps') / med(bare, 'rps')).toFixed(3),
      'x bare MB/s': (med(r, 'mbps') / med(bare, 'mbps')).toFixed(3),
      'proxy CPU us/req': t.pid ? med(r, 'cpuUs').toFixed(1) : '-',
      'x bare CPU': t.pid ? (med(r, 'cpuUs') / med(bare, 'cpuUs')).toFixed(3) : '-',
    });
  }
}
console.log(`\nproxy, no toxics: wrk -t1, ${seconds}s x ${rounds} rounds, medians\n`);
printTable(rows);

// Latency toxic accuracy: sequential echo round trips, 100 ms downstream latency.
const echoServer = net.createServer((s) => s.pipe(s));
await new Promise((r) => echoServer.listen(0, '127.0.0.1', r));
const create = await fetch(`${ours.api}/proxies`, {
  method: 'POST',
  body: JSON.stringify({ name: 'echo', listen: '127.0.0.1:0', upstream: `127.0.0.1:${echoServer.address().port}` }),
});
const echoPort = Number((await create.json()).listen.split(':').pop());
const socket = net.connect({ port: echoPort, host: '127.0.0.1', noDelay: true });
await new Promise((r) => socket.once('connect', r));
const trip = () =>
  new Promise((resolve) => {
    const t0 = performance.now();
    socket.once('data', () => resolve(performance.now() - t0));
    socket.write('x');
  });
const baseTrips = [];
for (let i = 0; i < 200; i++) baseTrips.push(await trip());
await fetch(`${ours.api}/proxies/echo/toxics`, {
  method: 'POST',
  body: JSON.stringify({ type: 'latency', attributes: { latency: 100 } }),
});
const samples = Number(process.env.BENCH_LATENCY_SAMPLES ?? 100);
const added = [];
for (let i = 0; i < samples; i++) added.push((await trip()) - median(baseTrips));
const errors = added.map((a) => Math.abs(a - 100));
console.log(
  `\nlatency toxic 100 ms, ${samples} round trips: added p50 ${percentile(added, 50).toFixed(3)} ms, p99 ${percentile(added, 99).toFixed(3)} ms, max |error| ${Math.max(...errors).toFixed(3)} ms, p99 |error| ${percentile(errors, 99).toFixed(3)} ms\n`,
);
socket.destroy();
echoServer.close();

const get = (scenario, target, key) => med(results[scenario][target], key);
console.log('wall-clock figures swing with other load on this machine; CPU per request of the proxy process does not:');
for (const s of scenarios) {
  console.log(
    `  ${s.name}: faultline ${(get(s.name, 'faultline', 'cpuUs') / get(s.name, 'bare pipe', 'cpuUs')).toFixed(3)}x the bare pipe's CPU per request`,
  );
}
verdict(
  get('small, 50 conns', 'faultline', 'rps') >= 0.95 * get('small, 50 conns', 'bare pipe', 'rps'),
  `req/s >= 0.95x bare pipe (${(get('small, 50 conns', 'faultline', 'rps') / get('small, 50 conns', 'bare pipe', 'rps')).toFixed(3)}x)`,
);
verdict(
  get('256KB, 10 conns', 'faultline', 'mbps') >= 0.95 * get('256KB, 10 conns', 'bare pipe', 'mbps'),
  `MB/s >= 0.95x bare pipe (${(get('256KB, 10 conns', 'faultline', 'mbps') / get('256KB, 10 conns', 'bare pipe', 'mbps')).toFixed(3)}x)`,
);
const dp50 = get('latency, 1 conn', 'faultline', 'p50') - get('latency, 1 conn', 'bare pipe', 'p50');
verdict(dp50 <= 0.2, `p50 within 0.2 ms of bare pipe (+${dp50.toFixed(3)} ms)`);
if (toxiproxy && !skipped.has('toxiproxy')) {
  for (const [scenario, key] of [
    ['small, 50 conns', 'rps'],
    ['256KB, 10 conns', 'mbps'],
  ]) {
    const ratio = get(scenario, 'faultline', key) / get(scenario, 'toxiproxy', key);
    verdict(ratio > 1, `${scenario}: ${ratio.toFixed(3)}x Toxiproxy's ${key === 'rps' ? 'req/s' : 'MB/s'}`);
  }
  // Toxiproxy runs on every core; on a machine shared with other load its threads also win a larger
  // share of the CPU, so wall-clock alone can favour it: the CPU it spends per request cannot.
  for (const s of scenarios) {
    const ratio = get(s.name, 'faultline', 'cpuUs') / get(s.name, 'toxiproxy', 'cpuUs');
    verdict(ratio < 1, `${s.name}: ${ratio.toFixed(3)}x Toxiproxy's CPU per request`);
  }
}
verdict(percentile(errors, 99) <= 1, `latency toxic p99 error ${percentile(errors, 99).toFixed(3)} ms <= 1 ms`);
process.exit(0);
