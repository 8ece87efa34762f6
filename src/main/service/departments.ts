/** AuditorApi: departments (list, rename, merge) and the yearly roster. */
import type { AuditorApi, DepartmentInfo } from '../../shared/api.ts';
import type { Db } from '../store/db.ts';
import {
  listDepartments as listDepartmentRows,
  mergeDepartments as mergeDepartmentRows,
  renameDepartment as renameDepartmentRow,
  type DepartmentRow,
} from '../store/departments.ts';
import { setRoster as setRosterRows, type RosterEntryInput } from '../store/roster.ts';
import { ServiceError, guard, required } from './errors.ts';

function toDepartmentInfo(d: DepartmentRow): DepartmentInfo {
  return { id: d.id, name: d.name, aliases: d.aliases, region: d.region, unconfirmed: !d.confirmed };
}

export function departmentApi(db: Db): Pick<AuditorApi, 'listDepartments' | 'renameDepartment' | 'mergeDepartments' | 'setRoster'> {
  return {
    listDepartments: () => guard(() => listDepartmentRows(db).map(toDepartmentInfo)),

    renameDepartment: (input) => guard(() => toDepartmentInfo(renameDepartmentRow(db, input.departmentId, required(input.name, '部门名称')))),

    mergeDepartments: (input) => guard(() => toDepartmentInfo(mergeDepartmentRows(db, input.fromId, input.intoId))),

    setRoster: (input) =>
      guard(() => {
        if (!Number.isInteger(input.year)) throw new ServiceError('invalid', '年度必须是整数');
        return setRosterRows(db, input.year, input.names.map((name): RosterEntryInput => ({ name })));
      }),
  };
}
