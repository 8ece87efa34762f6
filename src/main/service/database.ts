/** AuditorApi: the 数据库 setting (which database the next start opens) and its connection test. */
import type { AuditorApi, DatabaseChoice, DatabaseInfo } from '../../shared/api.ts';
import { choiceUrl, readChoice, validateChoice, writeChoice } from '../database-choice.ts';
import { LATEST_SCHEMA_VERSION } from '../store/migrations/index.ts';
import { openPostgresStore } from '../store/postgres.ts';
import type { Store } from '../store/store.ts';
import { ServiceError, guard } from './errors.ts';

export interface DatabaseSettingOptions {
  /** Where the choice is kept; without it the setting is read-only. */
  choiceFile?: string;
  /** The command line or OGI_DB chose the database. */
  fixed?: boolean;
}

function checked(choice: DatabaseChoice): DatabaseChoice {
  try {
    return validateChoice(choice);
  } catch (err) {
    throw new ServiceError('invalid', (err as Error).message);
  }
}

/** The password to use: the one typed, else the saved one when it was saved for the same server and user. */
function passwordFor(choice: DatabaseChoice, typed: string | undefined, choiceFile: string | undefined): string | undefined {
  if (typed) return typed;
  const saved = choiceFile ? readChoice(choiceFile) : null;
  if (choice.backend !== 'postgres' || saved?.choice.backend !== 'postgres') return undefined;
  const same = saved.choice.host === choice.host && saved.choice.port === choice.port && saved.choice.user === choice.user;
  return same ? saved.password : undefined;
}

export function databaseApi(store: Store, options: DatabaseSettingOptions): Pick<AuditorApi, 'getDatabase' | 'testDatabase' | 'saveDatabase'> {
  const info = (): DatabaseInfo => {
    const saved = options.choiceFile ? readChoice(options.choiceFile) : null;
    return {
      backend: store.backend,
      location: store.location,
      saved: saved?.choice ?? null,
      passwordSaved: Boolean(saved?.password),
      editable: Boolean(options.choiceFile) && !options.fixed,
    };
  };
  return {
    getDatabase: () => guard(info),

    testDatabase: (input) =>
      guard(async () => {
        const choice = checked(input.choice);
        if (choice.backend === 'sqlite') return { message: '使用本机数据库文件（单人使用）' };
        let tested: Store;
        try {
          tested = await openPostgresStore(choiceUrl(choice, passwordFor(choice, input.password, options.choiceFile)), { migrate: false, connectTimeoutS: 8 });
        } catch (err) {
          throw new ServiceError('connection', (err as Error).message);
        }
        try {
          const version = await tested.schemaVersion();
          if (version === 0) return { message: `连接成功：数据库“${choice.database}”为空，保存并重新启动后将建表` };
          if (version > LATEST_SCHEMA_VERSION) throw new ServiceError('connection', `数据库版本（${version}）比本程序支持的版本（${LATEST_SCHEMA_VERSION}）新，请先升级本程序`);
          if (version < LATEST_SCHEMA_VERSION) return { message: `连接成功：数据库为第 ${version} 版，启动时将升级到第 ${LATEST_SCHEMA_VERSION} 版` };
          const counts = await tested.counts();
          return { message: `连接成功：已有 ${counts.reports ?? 0} 份年报、${counts.departments ?? 0} 个单位` };
        } finally {
          await tested.close();
        }
      }),

    saveDatabase: (input) =>
      guard(() => {
        if (!options.choiceFile || options.fixed) throw new ServiceError('invalid', '数据库由启动参数（--db 或 OGI_DB）指定，不能在此更改');
        const choice = checked(input.choice);
        const password = choice.backend === 'postgres' ? passwordFor(choice, input.password, options.choiceFile) : undefined;
        writeChoice(options.choiceFile, password ? { choice, password } : { choice });
        return info();
      }),
  };
}
