/**
 * Payload validation at the adapter boundary: every API method's input is checked for shape before the
 * service sees it, with a Chinese message naming the bad field. Used by the web adapter (and usable by IPC).
 */
import type { ApiMethod } from '../../shared/api.ts';

type Rule = (value: unknown, field: string) => string | null;

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

const str: Rule = (v, f) => (typeof v === 'string' ? null : `${f} 必须是字符串`);
const int: Rule = (v, f) => (Number.isInteger(v) ? null : `${f} 必须是整数`);
const count: Rule = (v, f) => (Number.isSafeInteger(v) && (v as number) >= 0 ? null : `${f} 必须是非负整数`);
const cell: Rule = (v, f) => (v === null || (typeof v === 'number' && Number.isFinite(v)) ? null : `${f} 必须是数字或 null`);
const oneOf =
  (...values: string[]): Rule =>
  (v, f) =>
    typeof v === 'string' && values.includes(v) ? null : `${f} 必须是 ${values.join(' / ')} 之一`;
const arrayOf =
  (rule: Rule, max = 100_000): Rule =>
  (v, f) => {
    if (!Array.isArray(v)) return `${f} 必须是数组`;
    if (v.length > max) return `${f} 最多 ${max} 项`;
    for (let i = 0; i < v.length; i++) {
      const e = rule(v[i], `${f}[${i}]`);
      if (e) return e;
    }
    return null;
  };
const bool: Rule = (v, f) => (typeof v === 'boolean' ? null : `${f} 必须是 true 或 false`);
const shape =
  (fields: Record<string, Rule>, optional: Record<string, Rule> = {}): Rule =>
  (v, f) => {
    if (!isObject(v)) return `${f} 必须是对象`;
    for (const [k, rule] of Object.entries(fields)) {
      const e = rule(v[k], `${f}.${k}`);
      if (e) return e;
    }
    for (const [k, rule] of Object.entries(optional)) {
      if (v[k] === undefined) continue;
      const e = rule(v[k], `${f}.${k}`);
      if (e) return e;
    }
    return null;
  };

const none = shape({});

/** A typed cell address (src/shared/template): table 三 by row and column, tables 二 and 四 by index. */
const cellAddress: Rule = (v, f) => {
  if (!isObject(v)) return `${f} 必须是对象`;
  if (v.table === 'requests') return shape({ table: str, row: int, col: int })(v, f);
  if (v.table === 'active' || v.table === 'review') return shape({ table: str, index: int })(v, f);
  return `${f}.table 必须是 active / requests / review 之一`;
};

const databaseChoice: Rule = (v, f) =>
  isObject(v) && v.backend === 'sqlite'
    ? null
    : shape({ backend: oneOf('postgres'), host: str, port: int, database: str, user: str, sslmode: oneOf('disable', 'prefer', 'require', 'verify-ca', 'verify-full') })(v, f);

export const INPUT_RULES: Record<ApiMethod, Rule> = {
  importPaths: shape({ paths: arrayOf(str, 10_000) }, { year: int }),
  importUploads: shape({ files: arrayOf(shape({ name: str, base64: str }), 1000) }),
  importStatus: shape({ jobId: str }),
  importUpdate: shape({ jobId: str, skippedFrom: count, errorsFrom: count }),
  listImports: none,
  cancelImport: shape({ jobId: str }),
  listYears: none,
  listReports: shape({}, { year: int, latestOnly: bool }),
  overview: shape({ year: int }),
  getReport: shape({ reportId: int }),
  changeStamp: none,
  decideFinding: shape({ reportId: int, findingIndex: int, action: oneOf('confirm', 'dismiss'), reason: str, reviewer: str }, { revision: int }),
  correctCell: shape({ reportId: int, cell: cellAddress, value: cell, reason: str, reviewer: str }, { revision: int }),
  saveComment: shape({ reportId: int, text: str, reviewer: str }),
  getRubric: none,
  saveRubric: shape({ json: str }),
  rescoreAll: none,
  listDepartments: none,
  renameDepartment: shape({ departmentId: int, name: str }),
  mergeDepartments: shape({ fromId: int, intoId: int }),
  setRoster: shape({ year: int, names: arrayOf(str, 10_000) }),
  importRoster: shape({ year: int, name: str, base64: str }),
  assignReport: shape({ reportId: int, department: str }, { year: int }),
  getDatabase: none,
  testDatabase: shape({ choice: databaseChoice }, { password: str }),
  saveDatabase: shape({ choice: databaseChoice }, { password: str }),
  renderDocument: shape({ kind: oneOf('sheet', 'notice', 'summary') }, { reportId: int, year: int, fixBy: str }),
  exportYear: shape({ year: int }, { folder: str }),
  exportStatus: shape({ jobId: str }),
  rollup: shape({ year: int }),
  yearCharts: shape({ year: int }),
  regionTrend: none,
  departmentTrend: shape({ departmentId: int }),
  getSettings: none,
  saveSettings: shape({ office: str }),
};

/** null when valid, else a message naming the field. Methods without input accept `{}` or nothing. */
export function validateInput(method: ApiMethod, input: unknown): string | null {
  return INPUT_RULES[method](input ?? {}, '参数');
}
