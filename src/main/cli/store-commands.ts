/** The store-backed commands of `ogi-audit`: import, list, show, migrate, verify. The CLI entry calls registerImportCommands. */
import type { Command } from 'commander';
import { registerImport } from './import.ts';
import { registerList } from './list.ts';
import { registerMigrate } from './migrate.ts';
import { registerShow } from './show.ts';
import { registerVerify } from './verify.ts';

export function registerImportCommands(program: Command): void {
  registerImport(program);
  registerList(program);
  registerShow(program);
  registerMigrate(program);
  registerVerify(program);
}
