// A real `faultline run` publishing hypothesis samples through its state file, for bench/server:
//   sampleToPage: each sample's probe end (its `at`) to its arrival on the live page over SSE
//   samplingCost: continuous hypothesis iterations in a fixed window with and without the state
//     file (the ring of samples must not slow the run)
import { spawn } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { join } from 'node:path';

/** A local HTTP target for the probes: answers at once. */
export async function startTarget() {
  const server = createServer((req, res) => res.end('ok'));
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${server.address().port}`, close: () => server.close() };
}

const experiment = (url, pause) => ({
  title: 'bench live samples',
  'steady-state-hypothesis': {
    title: 'target answers',
    probes: [{ type: 'probe', name: 'target', tolerance: 200, provider: { type: 'http', url } }],
  },
  method: [{ type: 'action', name: 'hold', provider: { type: 'process', path: 'true' }, pauses: { after: pause } }],
});

const unescape = (html) =>
  html.replace(/&(quot|#39|lt|gt|amp);/g, (_, c) => ({ quot: '"', '#39': "'", lt: '<', gt: '>', amp: '&' })[c]);

/**
 * Spawns the built CLI on a continuous hypothesis (every `frequency` s), reads the dashboard's SSE
 * stream and returns how long each new sample took from its probe's end to the page (ms). With
 * `store`, the run publishes into that store and the dashboard may read it from there alone.
 */
export async function sampleToPage({ root, dir, serverUrl, auth, target, count, frequency = 0.25, runsDir, store }) {
  const file = join(dir, 'live-samples.json');
  writeFileSync(file, JSON.stringify(experiment(target, 120)));
  mkdirSync(runsDir, { recursive: true });
  const cli = join(root, 'packages/cli/bin/faultline.js');
  // With `store`, the run publishes its live state there (as on another host) instead of recording nothing.
  const storeArgs = store ? ['--store', store] : ['--no-store'];
  const args = ['--no-log-file', 'run', file, ...storeArgs, '--journal-path', join(dir, 'live-journal.json')];
  const run = spawn(
    process.execPath,
    [cli, ...args, '--hypothesis-strategy', 'continuously', '--hypothesis-frequency', String(frequency)],
    { env: { ...process.env, FAULTLINE_RUNS_DIR: runsDir, NO_COLOR: '1' }, stdio: 'ignore' },
  );
  const ended = new Promise((resolve) => run.on('exit', resolve));
  const res = await fetch(`${serverUrl}/live/events`, { headers: auth });
  const reader = res.body.getReader();
  const decoder = new TextDecoder();
  const seen = new Set();
  const latencies = [];
  let buffer = '';
  let first = true;
  try {
    while (latencies.length < count) {
      const { value, done } = await reader.read();
      if (done) throw new Error('the SSE stream ended');
      const received = Date.now();
      buffer += decoder.decode(value);
      let end;
      while ((end = buffer.indexOf('\n\n')) >= 0) {
        const event = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        const data = /^data: (.*)$/m.exec(event)?.[1];
        if (!event.startsWith('event: runs') || !data) continue;
        const attribute = /data-samples="([^"]*)"/.exec(JSON.parse(data))?.[1];
        if (!attribute) continue;
        for (const sample of JSON.parse(unescape(attribute))) {
          if (seen.has(sample.at)) continue;
          seen.add(sample.at);
          // Samples already there when the page connected say nothing about latency.
          if (!first) latencies.push(received - Date.parse(sample.at));
        }
        first = false;
      }
    }
  } finally {
    await reader.cancel();
    run.kill('SIGTERM');
    await ended;
  }
  return latencies;
}

/**
 * Hypothesis iterations a run completes in `seconds` (probe every 10 ms), with or without its state
 * file, and with `onStateChange` (a store publisher) when given.
 */
export async function samplingCost({ core, target, runsDir, seconds = 2, onStateChange }) {
  const journal = await core.runExperiment({
    experiment: experiment(target, seconds),
    baseDir: process.cwd(),
    resolver: new core.ActivityResolver([]),
    env: {},
    runsDir,
    onStateChange,
    hypothesisStrategy: 'continuously',
    hypothesisFrequency: 0.01,
  });
  if (journal.status !== 'completed') throw new Error(`the sampling run ended ${journal.status}`);
  return journal.steady_states.during.length;
}
