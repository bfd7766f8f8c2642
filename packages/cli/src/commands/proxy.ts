import type { Command } from 'commander';
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

export interface ProxyFlags {
  host: string;
  port: string;
  config?: string;
  token?: string;
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
      const { proxyCommand } = await import('./proxy-action.js');
      await proxyCommand(flags, io);
    });
}
