import { execFile, spawn, spawnSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { processTreeCpuSeconds } from '../backoffice/src/bench/processCpu';

const run = promisify(execFile);

/**
 * A PostgreSQL server of its own for a test or a benchmark: a cluster made with `initdb` in a
 * temporary folder, started with `pg_ctl` on a free loopback port, stopped and deleted by `stop()`.
 * No machine-wide service is assumed, only Debian's `postgresql` package (its binaries).
 * PostgreSQL refuses to run as root, so as root the cluster belongs to the `postgres` user.
 */
export interface ThrowawayPostgres {
  /** `postgres://shubbak@127.0.0.1:<port>/<database>`: trust authentication, loopback only. */
  url(database?: string): string;
  port: number;
  /** Creates an empty database and returns its URL. */
  createDatabase(name: string): Promise<string>;
  /**
   * Creates an empty schema in the default database and returns a URL whose connections use it
   * (`search_path`): tests kept apart for a few milliseconds, where CREATE DATABASE takes a second.
   */
  createSchema(name: string): Promise<string>;
  /** CPU seconds the server and its backends have used so far (Linux /proc), or null where unknown. */
  cpuSeconds(): number | null;
  stop(): Promise<void>;
}

export interface ThrowawayOptions {
  /**
   * `false` (the default for tests) turns fsync off: a test never survives a power cut anyway.
   * A benchmark passes `true` so that its figures are those of a durable server.
   */
  durable?: boolean;
  /** Extra `-c name=value` settings. */
  settings?: Record<string, string>;
}

const SUPERUSER = 'shubbak';

/** The newest installed server's binaries, or PG_BIN when set. */
export function postgresBinDir(env: NodeJS.ProcessEnv = process.env): string | null {
  if (env.PG_BIN) return existsSync(join(env.PG_BIN, 'initdb')) ? env.PG_BIN : null;
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return null;
  const versions = readdirSync(root)
    .filter((name) => /^\d+$/.test(name) && existsSync(join(root, name, 'bin', 'initdb')))
    .sort((a, b) => Number(b) - Number(a));
  return versions[0] ? join(root, versions[0], 'bin') : null;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** The server's process id: the first line of postmaster.pid, while it runs. */
function postmasterPid(data: string): number | undefined {
  try {
    const pid = Number(readFileSync(join(data, 'postmaster.pid'), 'utf8').split('\n')[0]);
    return Number.isInteger(pid) && pid > 0 ? pid : undefined;
  } catch {
    return undefined;
  }
}

export async function startThrowawayPostgres(options: ThrowawayOptions = {}): Promise<ThrowawayPostgres> {
  const bin = postgresBinDir();
  if (!bin) throw new Error('PostgreSQL is not installed (apt-get install postgresql), or set PG_BIN to its bin folder');
  const dir = mkdtempSync(join(tmpdir(), 'shubbak-pg-'));
  const asRoot = userInfo().uid === 0;
  if (asRoot) {
    const { stdout } = await run('id', ['-u', 'postgres']);
    const { stdout: gid } = await run('id', ['-g', 'postgres']);
    chownSync(dir, Number(stdout.trim()), Number(gid.trim()));
  }
  // As root, every PostgreSQL binary runs as `postgres`, the owner of the folder.
  const pg = (tool: string, args: string[]) =>
    asRoot ? run('runuser', ['-u', 'postgres', '--', join(bin, tool), ...args]) : run(join(bin, tool), args);

  const data = join(dir, 'data');
  const port = await freePort();
  const settings: Record<string, string> = {
    listen_addresses: '127.0.0.1',
    port: String(port),
    unix_socket_directories: dir,
    max_connections: '200',
    ...(options.durable ? {} : { fsync: 'off', synchronous_commit: 'off', full_page_writes: 'off' }),
    ...options.settings,
  };
  try {
    await pg('initdb', ['-D', data, '-U', SUPERUSER, '--auth=trust', '-E', 'UTF8', '--locale=C', ...(options.durable ? [] : ['--no-sync'])]);
    const serverOptions = Object.entries(settings)
      .map(([name, value]) => `-c ${name}=${value}`)
      .join(' ');
    await pg('pg_ctl', ['-D', data, '-l', join(dir, 'server.log'), '-o', serverOptions, '-w', '-t', '60', 'start']);
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }

  const url = (database = 'postgres') => `postgres://${SUPERUSER}@127.0.0.1:${port}/${database}`;
  let stopped = false;
  // pg_ctl detaches the server: if this process ends without stop() (a crash, Ctrl+C), stop it anyway.
  const stopOnExit = () => {
    const args = ['-D', data, '-m', 'immediate', 'stop'];
    if (asRoot) spawnSync('runuser', ['-u', 'postgres', '--', join(bin, 'pg_ctl'), ...args], { stdio: 'ignore' });
    else spawnSync(join(bin, 'pg_ctl'), args, { stdio: 'ignore' });
    rmSync(dir, { recursive: true, force: true });
  };
  process.once('exit', stopOnExit);
  return {
    port,
    url,
    createDatabase: async (name) => {
      await psql(bin, url(), `CREATE DATABASE ${plainName(name)}`);
      return url(name);
    },
    createSchema: async (name) => {
      await psql(bin, url(), `CREATE SCHEMA ${plainName(name)}`);
      return `${url()}?options=${encodeURIComponent(`-c search_path=${name}`)}`;
    },
    cpuSeconds: () => processTreeCpuSeconds(postmasterPid(data)),
    stop: async () => {
      if (stopped) return;
      stopped = true;
      process.off('exit', stopOnExit);
      // Immediate: nothing in a throw-away cluster is worth a checkpoint.
      await pg('pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop']).catch(() => undefined);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

function plainName(name: string): string {
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(name)) throw new Error(`not a plain name: ${name}`);
  return name;
}

/** One SQL command through `psql` (no pool needed for the cluster's own housekeeping). */
function psql(bin: string, url: string, sql: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(join(bin, 'psql'), ['-X', '-q', '-v', 'ON_ERROR_STOP=1', '-d', url, '-c', sql], { stdio: ['ignore', 'ignore', 'pipe'] });
    let errors = '';
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (errors += chunk));
    child.once('error', reject);
    child.once('close', (code) => (code === 0 ? resolve() : reject(new Error(`psql failed: ${errors}`))));
  });
}
