/** Open the store a location names: a `postgres://…` address, or a SQLite file path. */
import { openPostgresStore } from './postgres.ts';
import { isPostgresUrl } from './postgres-url.ts';
import { openSqliteStore } from './sqlite.ts';
import type { Store } from './store.ts';

export async function openStore(location: string, options: { migrate?: boolean } = {}): Promise<Store> {
  return isPostgresUrl(location) ? openPostgresStore(location, options) : openSqliteStore(location, options);
}

export { isPostgresUrl };
