import type { Command } from 'commander';
import type { CliIo } from '../cli-io.js';
import type { GlobalFlags } from '../global-flags.js';
import { storeOptionHelp } from '../store/cli-store.js';

export interface ServeFlags {
  host: string;
  port: string;
  store?: string;
  token?: string;
  viewerToken?: string;
  experiments?: string;
  lostAfter: string;
}

const help = `
Pages: Live (runs in progress on this machine and, with a shared --store, on every host whose runs
use that store; with Stop and Stop all), Runs (history with filters; each run opens
its HTML report), Findings (the board by state, editable by operators), Trends (pass rate and
resilience score over time per experiment), and with --experiments DIR the Library (every
.json/.yaml/.yml under DIR, validated; operators get Dry run and Run, which start \`faultline run\`
with this server's settings, environment and store, never with --allow-production).

Roles: --token is the operator's (stop runs, edit findings, run experiments); --viewer-token can only read. Log in
with the form (HttpOnly, SameSite=Strict cookie) or send "Authorization: Bearer <token>". Every
form carries a CSRF token. Without --token the server only listens on a loopback address, and
whoever reaches it is an operator.

Prefer the environment to the command line for tokens (other users can read a process's arguments):
  FAULTLINE_SERVE_TOKEN, FAULTLINE_SERVE_VIEWER_TOKEN

Examples:
  faultline serve
  FAULTLINE_SERVE_TOKEN=$(openssl rand -hex 24) faultline serve --host 0.0.0.0 --port 8080
  faultline serve --store postgres://faultline@db/faultline --viewer-token "$VIEWER"
  faultline serve --experiments ./experiments`;

/** `faultline serve`: the web dashboard, until a signal. */
export function registerServeCommand(program: Command, io: CliIo): void {
  program
    .command('serve')
    .description(
      'Web dashboard: live runs with a stop button, run history, findings board, trends and experiment library',
    )
    .option('--host <host>', 'address to listen on (anything but loopback needs --token)', '127.0.0.1')
    .option('--port <port>', 'port to listen on (0 picks a free one)', '8080')
    .option('--store <url>', storeOptionHelp)
    .option('--experiments <dir>', 'folder of experiments the Library page lists, validates and runs (recursive)')
    .option(
      '--lost-after <seconds>',
      'a run on another host whose heartbeat in the store is older than this shows as lost',
      '15',
    )
    .option('--token <token>', "operator's token (default: $FAULTLINE_SERVE_TOKEN)")
    .option('--viewer-token <token>', 'read-only token (default: $FAULTLINE_SERVE_VIEWER_TOKEN)')
    .addHelpText('after', help)
    .action(async (flags: ServeFlags, command: Command) => {
      const { serve } = await import('./serve-action.js');
      await serve(flags, command.optsWithGlobals<GlobalFlags>(), io);
    });
}
