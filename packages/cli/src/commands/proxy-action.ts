import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { UsageError } from '@faultline/core';
import { ProxyServer } from '@faultline/proxy';
import type { CliIo } from '../cli-io.js';
import type { ProxyFlags } from './proxy.js';

/** `faultline proxy`: runs the fault proxy's API server until a signal. */
export async function proxyCommand(flags: ProxyFlags, io: CliIo): Promise<void> {
  const port = Number(flags.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new UsageError(`--port must be a port number, got "${flags.port}"`, {
      hint: 'e.g. --port 8474 (0 picks a free port)',
    });
  const token = flags.token ?? io.env.FAULTLINE_PROXY_TOKEN;
  if (token !== undefined && token.trim() === '')
    throw new UsageError(`${flags.token === undefined ? 'FAULTLINE_PROXY_TOKEN' : '--token'} is empty`, {
      hint: 'an empty token would turn authentication off: give a non-empty token, or leave --token out (and FAULTLINE_PROXY_TOKEN unset) to run without one',
    });
  const proxies = flags.config === undefined ? undefined : await readConfig(flags.config, io.cwd);
  // Its errors (address in use, not local or unresolvable, a bad proxy in --config) are
  // FaultlineErrors with a hint: rendered as such, exit 64.
  const server = await ProxyServer.start({ host: flags.host, port, token, proxies });
  io.stdout.write(`faultline proxy: API on ${server.url}${token ? ' (token required)' : ''}\n`);
  if (!token && !['127.0.0.1', '::1', 'localhost'].includes(flags.host)) {
    io.stderr.write(
      `warning: the API listens on ${flags.host} without a token: anyone who can reach it can cut your traffic (add --token)\n`,
    );
  }
  for (const proxy of server.collection.list()) {
    io.stdout.write(
      `  ${proxy.name}: ${proxy.listen} -> ${proxy.upstream}${proxy.protocol === 'http' ? ' (http)' : ''}${proxy.enabled ? '' : ' [disabled]'}\n`,
    );
  }
  await new Promise<void>((done) => {
    const unregister = io.onSignal((signal) => {
      unregister();
      io.stderr.write(`faultline proxy: ${signal}, closing proxies\n`);
      void server.close().then(done, done);
    });
  });
}

async function readConfig(path: string, cwd: string): Promise<unknown> {
  const file = resolve(cwd, path);
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    throw new UsageError(`cannot read proxy config ${file}: ${(error as Error).message}`, {
      hint: 'pass the path of a JSON file with an array of proxies',
    });
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new UsageError(`proxy config ${file} is not JSON: ${(error as Error).message}`, {
      hint: 'the file holds the JSON array POST /populate takes',
    });
  }
}
