// Chaos monkey overhead. Build first: npx tsc -b packages/monkey
//   node bench/monkey/index.mjs [--rounds 7] [--seconds 2]
// (a) in-process cost of one middleware call: disabled, enabled-but-not-attacking (goals < 1 µs, < 2 µs)
// (b) req/s of the same app bare / monkey installed but disabled / enabled attacking 1 in 10,000,
//     for node:http and Express: median of many short rounds in shuffled order, ratios to bare
//     (goal >= 0.98x)
// (c) injected latency accuracy: 50 ms target, error at p50/p99 (goal within ±2 ms at p99)
// Run on a quiet machine: other processes competing for the cores show up as noise in (b) and (c).
import { fork } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import chaosMonkey from '@faultline/monkey';

const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i < 0 ? fallback : Number(process.argv[i + 1]);
};
const rounds = arg('rounds', 7);
const seconds = arg('seconds', 2);
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const quantile = (xs, q) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(q * xs.length))];

// (a) ------------------------------------------------------------------------------------------
function microBench() {
  const quiet = { info() {}, warn() {} };
  const server = {};
  const req = { url: '/api/orders?x=1', method: 'GET', socket: { server }, headers: {} };
  const res = {};
  const next = () => {};
  const variants = {
    disabled: chaosMonkey({ enabled: false, logger: quiet, latency: { enabled: true } }),
    'enabled, not attacking': chaosMonkey({
      enabled: true,
      logger: quiet,
      level: 10_000,
      deterministic: true,
      exceptions: { enabled: true, status: 503 },
    }),
  };
  // deterministic level 10000 attacks call 10000, 20000…; give the attacked call a harmless res.
  res.setHeader = () => {};
  res.end = () => {};
  const n = 2_000_000;
  const out = {};
  for (const [name, mw] of Object.entries(variants)) {
    const samples = [];
    for (let round = 0; round < 7; round++) {
      const start = process.hrtime.bigint();
      for (let i = 0; i < n; i++) mw(req, res, next);
      samples.push(Number(process.hrtime.bigint() - start) / n);
    }
    out[name] = median(samples);
  }
  const baseline = [];
  const noop = (q, r, nx) => nx();
  for (let round = 0; round < 7; round++) {
    const start = process.hrtime.bigint();
    for (let i = 0; i < n; i++) noop(req, res, next);
    baseline.push(Number(process.hrtime.bigint() - start) / n);
  }
  out['empty middleware (baseline)'] = median(baseline);
  return out;
}

// (b) ------------------------------------------------------------------------------------------
const serverScript = fileURLToPath(new URL('./server.mjs', import.meta.url));

async function start(kind, variant) {
  const proc = fork(serverScript, [kind, variant], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const [{ port }] = await once(proc, 'message');
  return { proc, url: `http://127.0.0.1:${port}/api/orders` };
}

async function cannon(url, duration) {
  const result = await autocannon({ url, connections: 32, pipelining: 1, duration });
  return { rps: result.requests.average, total: result.requests.total, errors: result.errors + result.non2xx };
}

async function serverCpu(proc) {
  proc.send('cpu');
  const [{ cpu }] = await once(proc, 'message');
  return cpu;
}

function shuffle(xs) {
  const a = [...xs];
  for (let i = a.length - 1; i > 0; i--) {
    const j = Math.floor(Math.random() * (i + 1));
    [a[i], a[j]] = [a[j], a[i]];
  }
  return a;
}

async function throughput() {
  const variants = [];
  for (const kind of ['http', 'express'])
    for (const variant of ['bare', 'disabled', 'attacking']) variants.push({ kind, variant });
  const started = await Promise.all(
    variants.map(async (v) => ({ ...v, ...(await start(v.kind, v.variant)), rps: [], cpu: [] })),
  );
  for (const s of started) await cannon(s.url, 2); // warm up (JIT)
  for (let round = 0; round < rounds; round++) {
    for (const s of shuffle(started)) {
      const before = await serverCpu(s.proc);
      const r = await cannon(s.url, seconds);
      s.rps.push(r.rps);
      s.cpu.push(((await serverCpu(s.proc)) - before) / r.total);
    }
  }
  for (const s of started) s.proc.kill();
  return started;
}

// (c) ------------------------------------------------------------------------------------------
// Measured in process, from the middleware call to `next()`: that is the delay the monkey injects
// (an HTTP round trip on a shared 2-core machine adds noise that is not the monkey's).
async function latencyAccuracy() {
  const target = 50;
  const mw = chaosMonkey({
    enabled: true,
    logger: { info() {}, warn() {} },
    latency: { enabled: true, minMs: target, maxMs: target },
  });
  const req = { url: '/api/orders', method: 'GET', socket: {}, headers: {} };
  const one = () =>
    new Promise((resolve) => {
      const t = performance.now();
      mw(req, {}, () => resolve(performance.now() - t - target));
    });
  const errors = [];
  for (let i = 0; i < 500; i += 25) errors.push(...(await Promise.all(Array.from({ length: 25 }, one))));
  return {
    p50: quantile(errors, 0.5),
    p99: quantile(errors, 0.99),
    max: Math.max(...errors),
    min: Math.min(...errors),
  };
}

const micro = microBench();
console.log('(a) in-process cost of one middleware call (median of 7 × 2M calls)');
for (const [name, ns] of Object.entries(micro)) console.log(`    ${name.padEnd(28)} ${(ns / 1000).toFixed(3)} µs`);

console.log(`\n(b) throughput: median req/s of ${rounds} shuffled rounds of ${seconds}s, 32 connections;`);
console.log(
  '    ratio = median over rounds of (variant / bare of the same round), which cancels slow drifts of machine load;',
);
console.log('    server CPU µs per request is less sensitive to other processes than req/s');
const results = await throughput();
for (const kind of ['http', 'express']) {
  const bare = results.find((r) => r.kind === kind && r.variant === 'bare').rps;
  const bareCpu = results.find((r) => r.kind === kind && r.variant === 'bare').cpu;
  for (const variant of ['bare', 'disabled', 'attacking']) {
    const rps = results.find((x) => x.kind === kind && x.variant === variant).rps;
    const ratio = median(rps.map((r, i) => r / bare[i]));
    const cpu = results.find((x) => x.kind === kind && x.variant === variant).cpu;
    const cpuRatio = median(cpu) / median(bareCpu);
    console.log(
      `    ${kind.padEnd(8)} ${variant.padEnd(10)} ${median(rps).toFixed(0).padStart(7)} req/s   ${ratio.toFixed(3)}× bare   ${median(cpu).toFixed(1).padStart(6)} µs CPU/req   ${cpuRatio.toFixed(3)}× bare CPU`,
    );
  }
}

const acc = await latencyAccuracy();
console.log('\n(c) injected latency, target 50 ms, 500 calls 25 at a time, error = measured - target');
console.log(
  `    error min ${acc.min.toFixed(2)} ms, p50 ${acc.p50.toFixed(2)} ms, p99 ${acc.p99.toFixed(2)} ms, max ${acc.max.toFixed(2)} ms (goal: |p99| <= 2 ms)`,
);
