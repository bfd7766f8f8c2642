import { readFile, readdir, readlink } from 'node:fs/promises';
import { basename } from 'node:path';
import { ActivityFailedError } from '../errors/faultline-error.js';

/** One way to name processes: a pid (or several), a pid file, a process name, or a listening TCP port. */
export interface ProcessTarget {
  pid?: number | number[];
  pid_file?: string;
  name?: string;
  port?: number;
}

/**
 * The pids a target names, read from /proc (Linux), so no `ps`/`lsof` is needed:
 * - name: the executable's short name (/proc/PID/comm) or the base name of argv[0] or argv[1]
 *   (`node server.js` matches "server.js"), as pgrep -f would match a script;
 * - port: the processes holding a socket that LISTENs on that TCP port (IPv4 or IPv6).
 * This process and pid 1 are never returned.
 */
export async function findProcesses(target: ProcessTarget): Promise<number[]> {
  const pids = new Set<number>();
  if (target.pid !== undefined) for (const pid of [target.pid].flat()) pids.add(pid);
  if (target.pid_file) pids.add(await readPidFile(target.pid_file));
  if (target.name) for (const pid of await pidsByName(target.name)) pids.add(pid);
  if (target.port !== undefined) for (const pid of await pidsByPort(target.port)) pids.add(pid);
  pids.delete(process.pid);
  pids.delete(1);
  return [...pids];
}

async function readPidFile(path: string): Promise<number> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw new ActivityFailedError(`cannot read pid file ${path}: ${(error as Error).message}`);
  }
  const pid = Number(text.trim());
  if (!Number.isInteger(pid) || pid <= 0)
    throw new ActivityFailedError(`pid file ${path} holds no pid: "${text.trim()}"`);
  return pid;
}

async function listPids(): Promise<number[]> {
  try {
    return (await readdir('/proc')).filter((entry) => /^\d+$/.test(entry)).map(Number);
  } catch {
    throw new ActivityFailedError('finding processes by name or port needs /proc (Linux); give a pid or a pid file');
  }
}

async function pidsByName(name: string): Promise<number[]> {
  const found: number[] = [];
  for (const pid of await listPids()) {
    try {
      const comm = (await readFile(`/proc/${pid}/comm`, 'utf8')).trim();
      const argv = (await readFile(`/proc/${pid}/cmdline`, 'utf8')).split('\0').filter(Boolean);
      if (comm === name || argv.slice(0, 2).some((arg) => basename(arg) === name)) found.push(pid);
    } catch {
      // the process ended while we looked
    }
  }
  return found;
}

async function pidsByPort(port: number): Promise<number[]> {
  const inodes = new Set<string>();
  for (const table of ['/proc/net/tcp', '/proc/net/tcp6']) {
    const text = await readFile(table, 'utf8').catch(() => '');
    for (const line of text.split('\n').slice(1)) {
      const fields = line.trim().split(/\s+/);
      // local_address is HEXIP:HEXPORT; state 0A is LISTEN; field 9 is the socket inode.
      if (fields.length > 9 && fields[3] === '0A' && parseInt(fields[1].split(':')[1], 16) === port)
        inodes.add(fields[9]);
    }
  }
  if (!inodes.size) return [];
  const found: number[] = [];
  for (const pid of await listPids()) {
    const fds = await readdir(`/proc/${pid}/fd`).catch(() => [] as string[]);
    for (const fd of fds) {
      const link = await readlink(`/proc/${pid}/fd/${fd}`).catch(() => '');
      const inode = /^socket:\[(\d+)\]$/.exec(link)?.[1];
      if (inode && inodes.has(inode)) {
        found.push(pid);
        break;
      }
    }
  }
  return found;
}
