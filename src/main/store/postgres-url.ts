/**
 * A `postgres://user:password@host:port/dbname?sslmode=…` address, read with libpq's meaning of sslmode
 * (disable / prefer / require: encrypted without checking the certificate / verify-ca / verify-full),
 * and its display form without the password (for logs, messages and exports).
 */
import fs from 'node:fs';
import type { ConnectionOptions } from 'node:tls';

export interface PostgresTarget {
  host: string;
  port: number;
  database: string;
  user: string;
  /** From the address, or PGPASSWORD; never shown. */
  password: string | undefined;
  ssl: false | ConnectionOptions;
  /** The address without the password. */
  display: string;
}

export function isPostgresUrl(location: string): boolean {
  return /^postgres(ql)?:\/\//i.test(location.trim());
}

const SSL_MODES = new Set(['disable', 'allow', 'prefer', 'require', 'verify-ca', 'verify-full']);

export function parsePostgresUrl(location: string): PostgresTarget {
  let url: URL;
  try {
    url = new URL(location.trim());
  } catch {
    throw new Error(`数据库地址格式不对：应为 postgres://用户名@服务器:端口/数据库名`);
  }
  const database = decodeURIComponent(url.pathname.replace(/^\//, ''));
  if (!database) throw new Error('数据库地址缺少数据库名：应为 postgres://用户名@服务器:端口/数据库名');
  const user = decodeURIComponent(url.username) || process.env.PGUSER || 'postgres';
  const password = url.password ? decodeURIComponent(url.password) : process.env.PGPASSWORD;
  const host = url.hostname.replace(/^\[|\]$/g, '') || 'localhost';
  const port = url.port ? Number(url.port) : 5432;
  const sslmode = url.searchParams.get('sslmode') ?? 'prefer';
  if (!SSL_MODES.has(sslmode)) throw new Error(`sslmode 取值无效：${sslmode}（可用 disable、prefer、require、verify-ca、verify-full）`);
  const rootCert = url.searchParams.get('sslrootcert');
  let ssl: PostgresTarget['ssl'] = false;
  if (sslmode === 'require' || sslmode === 'verify-ca' || sslmode === 'verify-full') {
    ssl = { rejectUnauthorized: sslmode !== 'require' };
    if (rootCert) {
      try {
        ssl.ca = fs.readFileSync(rootCert, 'utf8');
      } catch (err) {
        throw new Error(`无法读取 sslrootcert 证书文件 ${rootCert}：${(err as Error).message}`);
      }
    }
    // verify-ca checks the chain but not the host name.
    if (sslmode === 'verify-ca') ssl.checkServerIdentity = () => undefined;
  }
  const shown = new URL(url.toString());
  shown.password = '';
  return { host, port, database, user, password, ssl, display: shown.toString() };
}

/** Any text with the address's password blanked out (error messages from the driver may quote it). */
export function withoutPassword(text: string, target: PostgresTarget): string {
  return target.password ? text.split(target.password).join('***') : text;
}
