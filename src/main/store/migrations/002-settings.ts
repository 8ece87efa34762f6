/**
 * 002: office settings (own deadline, required part-六 items) and an index for the import's
 * "already imported?" lookups by path.
 */
import type { Migration } from './index.ts';

export const migration002: Migration = {
  version: 2,
  name: 'settings',
  sqlite: `
CREATE TABLE settings (
  key        TEXT PRIMARY KEY,
  value      TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX files_path ON files(path);
`,
  postgres: `
CREATE TABLE settings (
  key        TEXT PRIMARY KEY,
  value      TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX files_path ON files(path);
`,
};
