/** AuditorApi: departments (list, rename, merge) and the yearly roster. */
import type { AuditorApi, DepartmentInfo } from '../../shared/api.ts';
import type { DepartmentRow, RosterEntryInput, Store } from '../store/store.ts';
import { readRosterBytes } from '../cli/roster-file.ts';
import { ServiceError, guard, required } from './errors.ts';
import { reauditSaved } from './review.ts';
import type { CheckRunner } from '../auditing.ts';
import { summaryOf } from './reports.ts';

function toDepartmentInfo(d: DepartmentRow): DepartmentInfo {
  return { id: d.id, name: d.name, aliases: d.aliases, region: d.region, unconfirmed: !d.confirmed };
}

export function departmentApi(store: Store, runner: () => CheckRunner): Pick<AuditorApi, 'listDepartments' | 'renameDepartment' | 'mergeDepartments' | 'setRoster' | 'importRoster' | 'assignReport'> {
  return {
    listDepartments: () => guard(async () => (await store.departments.list()).map(toDepartmentInfo)),

    renameDepartment: (input) =>
      guard(async () => toDepartmentInfo(await store.departments.rename(input.departmentId, required(input.name, '部门名称')))),

    mergeDepartments: (input) => guard(async () => toDepartmentInfo(await store.departments.merge(input.fromId, input.intoId))),

    setRoster: (input) =>
      guard(() => {
        if (!Number.isInteger(input.year)) throw new ServiceError('invalid', '年度必须是整数');
        return store.roster.set(input.year, input.names.map((name): RosterEntryInput => ({ name })));
      }),

    importRoster: async (input) => {
      if (!Number.isInteger(input.year)) throw new ServiceError('invalid', '年度必须是整数');
      let entries: RosterEntryInput[];
      try {
        entries = await readRosterBytes(input.name, Buffer.from(input.base64, 'base64'));
      } catch (err) {
        throw new ServiceError('invalid', (err as Error).message);
      }
      if (entries.length === 0) throw new ServiceError('invalid', `名单文件 ${input.name} 中没有单位名称`);
      return guard(async () => ({ ...(await store.roster.set(input.year, entries)), entries: entries.length }));
    },

    assignReport: (input) =>
      guard(async () => {
        const name = required(input.department, '单位名称');
        await store.transaction(async (tx) => {
          const { id } = await tx.departments.resolve(name, { confirmed: true });
          await tx.reports.assign(input.reportId, id, input.year ?? null);
        });
        // The department's history and peers change with it: judge the report again (checks in a worker).
        await reauditSaved(store, input.reportId, runner(), '单位指定');
        return summaryOf(store, input.reportId);
      }),
  };
}
