/** The store suite against the embedded SQLite adapter (a fresh file per test). */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openSqliteStore } from '../../src/main/store/sqlite.ts';
import { storeSuite } from './helpers/store-suite.ts';

storeSuite('SQLite', async () => openSqliteStore(path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'ogi-store-')), 'test.db')));
