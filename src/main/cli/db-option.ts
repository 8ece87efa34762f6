/** The `--db` option every store-backed command takes: a SQLite file, or a PostgreSQL address. */
export const DEFAULT_DB = './ogi-audit.db';

export const DB_OPTION_HELP =
  '数据库：SQLite 文件路径，或共享的 PostgreSQL 地址 postgres://用户名@服务器:端口/数据库名（密码可用 PGPASSWORD 环境变量给出）';
