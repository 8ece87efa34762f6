/** AuditorApi: departments (list, rename, merge) and the yearly roster. */
import type { AuditorApi, DepartmentInfo } from '../../shared/api.ts';
import type { DepartmentRow, RosterEntryInput, Store } from '../store/store.ts';
import { ServiceError, guard, required } from './errors.ts';

function toDepartmentInfo(d: DepartmentRow): DepartmentInfo {
  return { id: d.id, name: d.name, aliases: d.aliases, region: d.region, unconfirmed: !d.confirmed };
}

export function departmentApi(store: Store): Pick<AuditorApi, 'listDepartments' | 'renameDepartment' | 'mergeDepartments' | 'setRoster'> {
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
  };
}
