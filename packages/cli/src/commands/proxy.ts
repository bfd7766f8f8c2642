import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { Command } from 'commander';
import { UsageError } from '@faultline/core';
import type { CliIo } from '../cli-io.js';

const help = `
Serves Toxiproxy's HTTP API (so toxiproxy-cli, toxiproxy-node-client and other clients work) and
HTTP faults on proxies created with "protocol": "http". Runs until SIGINT/SIGTERM, then closes
every proxy and connection.

--config takes the JSON array POST /populate takes, e.g.
  [{"name": "payment", "listen": "127.0.0.1:26379", "upstream": "127.0.0.1:6379"},
   {"name": "orders", "listen": "127.0.0.1:28080", "upstream": "127.0.0.1:8080", "protocol": "http"}]

The token (--token or FAULTLINE_PROXY_TOKEN) is then required as "Authorization: Bearer <token>";
experiments pass it as the secret faultline_proxy_token. An empty token is refused (exit 64).

An address in use, a --host that is not local or does not resolve, or an invalid --config exits 64
with a hint.

Examples:
  faultline proxy
  faultline proxy --config proxies.json --port 8474
  curl -X POST localhost:8474/proxies/payment/toxics -d '{"type":"latency","attributes":{"latency":500}}'`;

interface ProxyFlags {
  host: string;
  port: string;
  config?: string;
  token?: string;
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

/** `faultline proxy`: runs the fault proxy's API server until a signal. */
export function registerProxyCommand(program: Command, io: CliIo): void {
  program
    .command('proxy')
    .description(
      'Run the fault proxy: TCP/HTTP proxies with toxics and HTTP faults, driven by a Toxiproxy-compatible API',
    )
    .option('--host <host>', 'address of the API', '127.0.0.1')
    .option('--port <port>', "port of the API (Toxiproxy's default)", '8474')
    .option('--config <file>', 'JSON array of proxies to create at start (as POST /populate)')
    .option('--token <token>', 'require this bearer token on the API (default: $FAULTLINE_PROXY_TOKEN)')
    .addHelpText('after', help)
    .action(async (flags: ProxyFlags) => {
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
      const { ProxyServer } = await import('@faultline/proxy');
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
    });
}
