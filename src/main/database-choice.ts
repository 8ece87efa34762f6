/**
 * The app's 数据库 setting: which database the next start opens — the local SQLite file, or a shared
 * PostgreSQL server. Kept in a small JSON file on this machine (owner-only permissions), never in the
 * database and never in exports; the password is stored only there and is never logged or shown.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { DatabaseChoice, SslMode } from '../shared/api.ts';

interface ChoiceFile {
  choice: DatabaseChoice;
  password?: string;
}

const SSL_MODES: readonly SslMode[] = ['disable', 'prefer', 'require', 'verify-ca', 'verify-full'];

export function readChoice(file: string): ChoiceFile | null {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch {
    return null;
  }
  try {
    const parsed = JSON.parse(text) as ChoiceFile;
    return parsed.choice?.backend === 'sqlite' || parsed.choice?.backend === 'postgres' ? parsed : null;
  } catch {
    throw new Error(`数据库设置文件已损坏：${file}（可删除后重新设置）`);
  }
}

export function writeChoice(file: string, content: ChoiceFile): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const temp = `${file}.tmp`;
  fs.writeFileSync(temp, JSON.stringify(content, null, 2), { mode: 0o600 });
  fs.renameSync(temp, file);
}

/** Checked fields of a PostgreSQL choice, or a Chinese message naming the bad one. */
export function validateChoice(choice: DatabaseChoice): DatabaseChoice {
  if (choice.backend === 'sqlite') return { backend: 'sqlite' };
  const host = choice.host.trim();
  const database = choice.database.trim();
  const user = choice.user.trim();
  if (!host) throw new Error('请填写数据库服务器（名称或 IP 地址）');
  if (!Number.isInteger(choice.port) || choice.port < 1 || choice.port > 65535) throw new Error('端口应为 1–65535 之间的整数（PostgreSQL 默认 5432）');
  if (!database) throw new Error('请填写数据库名');
  if (!user) throw new Error('请填写用户名');
  if (!SSL_MODES.includes(choice.sslmode)) throw new Error(`SSL 模式无效：${String(choice.sslmode)}`);
  return { backend: 'postgres', host, port: choice.port, database, user, sslmode: choice.sslmode };
}

/** The postgres:// address of a choice (with the password: pass it to the store only, never show it). */
export function choiceUrl(choice: DatabaseChoice & { backend: 'postgres' }, password: string | undefined): string {
  const auth = encodeURIComponent(choice.user) + (password ? `:${encodeURIComponent(password)}` : '');
  const host = choice.host.includes(':') ? `[${choice.host}]` : choice.host;
  return `postgres://${auth}@${host}:${choice.port}/${encodeURIComponent(choice.database)}?sslmode=${choice.sslmode}`;
}

/** What the app opens: OGI_DB if set, else the saved choice, else the local file. */
export function resolveLocation(choiceFile: string, defaultFile: string, env: string | undefined): { location: string; fixed: boolean } {
  if (env) return { location: env, fixed: true };
  const saved = readChoice(choiceFile);
  if (saved?.choice.backend === 'postgres') return { location: choiceUrl(saved.choice, saved.password), fixed: false };
  return { location: defaultFile, fixed: false };
}
