/**
 * A throwaway PostgreSQL cluster for tests and the bench: initdb in a temp folder (as the `postgres` user
 * when running as root, since the server refuses root), listening on a free loopback port only, password
 * authentication over TCP, stopped and deleted afterwards. Without PostgreSQL's server binaries the
 * callers skip with the reason `findPostgresBin` gives.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';

export interface PgCluster {
  port: number;
  user: string;
  password: string;
  /** Address of a database (created by `createDatabase`). */
  url(database: string): string;
  createDatabase(name: string): Promise<string>;
  stop(): void;
}

/** The folder of initdb/pg_ctl, or a reason there is none. */
export function findPostgresBin(): { bin: string } | { reason: string } {
  const fromEnv = process.env.OGI_PG_BIN;
  const candidates: string[] = fromEnv ? [fromEnv] : [];
  const root = '/usr/lib/postgresql';
  if (fs.existsSync(root)) {
    for (const v of fs.readdirSync(root).sort((a, b) => Number(b) - Number(a))) candidates.push(path.join(root, v, 'bin'));
  }
  try {
    candidates.push(execFileSync('pg_config', ['--bindir'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim());
  } catch {
    // no pg_config on PATH
  }
  for (const dir of candidates) {
    if (fs.existsSync(path.join(dir, 'initdb')) && fs.existsSync(path.join(dir, 'pg_ctl'))) return { bin: dir };
  }
  return { reason: 'PostgreSQL server binaries (initdb, pg_ctl) not found: install Debian package postgresql, or set OGI_PG_BIN' };
}

export const skipWithoutPostgres: string | false = (() => {
  const found = findPostgresBin();
  if ('reason' in found) return found.reason;
  if (process.getuid?.() === 0) {
    const id = spawnSync('id', ['-u', 'postgres'], { encoding: 'utf8' });
    if (id.status !== 0) return 'running as root without a `postgres` user to run the throwaway server as';
  }
  return false;
})();

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const port = (server.address() as net.AddressInfo).port;
      server.close(() => resolve(port));
    });
  });
}

/** initdb + pg_ctl start. `durable: false` turns fsync off (tests); the bench keeps the defaults. */
export async function startPgCluster(options: { durable?: boolean } = {}): Promise<PgCluster> {
  const found = findPostgresBin();
  if ('reason' in found) throw new Error(found.reason);
  const { bin } = found;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ogi-pg-'));
  const data = path.join(dir, 'data');
  const user = 'ogi';
  const password = `pw-${Math.random().toString(36).slice(2)}`;
  fs.writeFileSync(path.join(dir, 'pw'), password);
  const asRoot = process.getuid?.() === 0;
  const run = (cmd: string, args: string[]): void => {
    const [file, argv] = asRoot ? ['runuser', ['-u', 'postgres', '--', path.join(bin, cmd), ...args]] : [path.join(bin, cmd), args];
    const r = spawnSync(file, argv, { encoding: 'utf8', cwd: dir });
    if (r.status !== 0) throw new Error(`${cmd} failed: ${r.stderr || r.stdout}`);
  };
  if (asRoot) execFileSync('chown', ['-R', 'postgres', dir]);
  fs.chmodSync(dir, 0o700);
  run('initdb', ['-D', data, '-U', user, `--pwfile=${path.join(dir, 'pw')}`, '--auth-local=trust', '--auth-host=scram-sha-256', '-E', 'UTF8', '--locale=C.UTF-8']);
  const port = await freePort();
  const settings = [`-p ${port}`, `-k ${dir}`, "-c listen_addresses='127.0.0.1'", '-c max_connections=40'];
  if (options.durable === false) settings.push('-c fsync=off', '-c synchronous_commit=off', '-c full_page_writes=off');
  run('pg_ctl', ['-D', data, '-o', settings.join(' '), '-l', path.join(dir, 'log'), '-w', '-t', '60', 'start']);
  let stopped = false;
  const cluster: PgCluster = {
    port,
    user,
    password,
    url: (database) => `postgres://${user}:${encodeURIComponent(password)}@127.0.0.1:${port}/${database}`,
    async createDatabase(name) {
      const client = new pg.Client({ host: '127.0.0.1', port, user, password, database: 'postgres' });
      await client.connect();
      try {
        await client.query(`CREATE DATABASE "${name}"`);
      } finally {
        await client.end();
      }
      return cluster.url(name);
    },
    stop() {
      if (stopped) return;
      stopped = true;
      try {
        run('pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop']);
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
    },
  };
  return cluster;
}
