/**
 * The rubric as a table for people (评分规则 screen): one row per check of the catalogue — its dimension,
 * weight, deduction per finding, cap and veto — read from the rubric JSON and written back into it, with
 * errors in plain Chinese naming the row. The JSON's other fields (substitutes, veto texts…) are kept as they are.
 */
import { CHECK_CATALOGUE, checkInfo } from '../shared/check-catalogue.ts';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };
type Path = (string | number)[];

/** One editable deduction amount of a check's rule, e.g. "每行" or "表格缺失". */
export interface DeductionSlot {
  /** Where the amount sits inside the check's `deduction` object. */
  path: Path;
  label: string;
  value: string;
}

export interface RubricRow {
  check: string;
  title: string;
  /** The rubric dimension, or null: not scored. */
  dimension: string | null;
  weight: string;
  /** Empty: the cap is the weight. */
  cap: string;
  deductions: DeductionSlot[];
  veto: boolean;
  /** The check's entry in the rubric as loaded (null: not in the rubric), so unknown fields survive editing. */
  entry: JsonObject | null;
}

export interface GradeRow {
  grade: string;
  min: string;
}

export interface DeadlineRow {
  key: string;
  label: string;
  value: string;
}

export interface RubricTable {
  dimensions: string[];
  rows: RubricRow[];
  grades: GradeRow[];
  deadlines: DeadlineRow[];
  /** The rubric as loaded (its other fields are written back unchanged). */
  base: JsonObject;
}

/** Words for the kinds of findings a per-kind rule prices, where the rubric gives no label. */
const KIND_WORDS: Record<string, string> = {
  missing: '表格缺失',
  empty: '未填写',
  blank: '空白单元格',
  'no-problems': '未写问题',
  'no-measures': '未写改进措施',
  legacy: '旧版格式',
  '2019': '2019年试行格式',
};

const DEADLINE_LABELS: Record<string, string> = {
  current: '一般单位报送截止（次年 月-日）',
  legacy: '旧版格式报送截止（次年 月-日）',
  government: '人民政府报送截止（次年 月-日）',
};

function isObject(v: Json | undefined): v is JsonObject {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function numberText(v: Json | undefined): string {
  return typeof v === 'number' ? String(v) : '';
}

function perUnitLabel(unit: Json | undefined): string {
  return typeof unit === 'string' && unit ? `每${unit}` : '每处';
}

/** The editable amounts of a deduction rule, recursively through per-kind rules. */
function slotsOf(rule: Json | undefined, path: Path, kindWord: string | null): DeductionSlot[] {
  if (!isObject(rule)) return [];
  const label = typeof rule.label === 'string' ? rule.label : null;
  switch (rule.type) {
    case 'fixed':
      return [{ path: [...path, 'points'], label: label ?? kindWord ?? '每次', value: numberText(rule.points) }];
    case 'perUnit':
      return [{ path: [...path, 'points'], label: `${kindWord && !label ? `${kindWord}：` : ''}${perUnitLabel(rule.unit)}`, value: numberText(rule.points) }];
    case 'bands': {
      const bands = Array.isArray(rule.bands) ? rule.bands : [];
      const unit = typeof rule.unit === 'string' ? rule.unit : '';
      return bands.flatMap((b, i) =>
        isObject(b) ? [{ path: [...path, 'bands', i, 'points'], label: typeof b.label === 'string' ? b.label : `达到${numberText(b.min)}${unit}`, value: numberText(b.points) }] : [],
      );
    }
    case 'perKind': {
      const kinds = isObject(rule.kinds) ? rule.kinds : {};
      const slots = Object.entries(kinds).flatMap(([kind, sub]) => slotsOf(sub, [...path, 'kinds', kind], KIND_WORDS[kind] ?? kind));
      return [...slots, ...slotsOf(rule.otherwise, [...path, 'otherwise'], '其他情形')];
    }
    default:
      return [];
  }
}

function setAt(root: Json, path: Path, value: Json): Json {
  if (path.length === 0) return value;
  const [head, ...rest] = path;
  if (Array.isArray(root)) {
    const copy = [...root];
    copy[head as number] = setAt(copy[head as number] ?? null, rest, value);
    return copy;
  }
  const object = isObject(root) ? root : {};
  return { ...object, [head as string]: setAt(object[head as string] ?? null, rest, value) };
}

/** Checks the rubric cannot score on their own: they stand in for another check (substitutes). */
function substituteChecks(base: JsonObject): Set<string> {
  const list = Array.isArray(base.substitutes) ? base.substitutes : [];
  return new Set(list.flatMap((s) => (isObject(s) && typeof s.check === 'string' ? [s.check] : [])));
}

/** The rubric JSON as a table: the rubric's checks in its order, then the catalogue's unscored checks. */
export function rubricTable(json: string): RubricTable {
  const parsed = JSON.parse(json) as Json;
  if (!isObject(parsed)) throw new Error('评分规则不是对象');
  const base = parsed;
  const dimensions: string[] = [];
  const rows: RubricRow[] = [];
  for (const d of Array.isArray(base.dimensions) ? base.dimensions : []) {
    if (!isObject(d) || typeof d.name !== 'string') continue;
    dimensions.push(d.name);
    for (const c of Array.isArray(d.checks) ? d.checks : []) {
      if (!isObject(c) || typeof c.check !== 'string') continue;
      rows.push({
        check: c.check,
        title: checkInfo(c.check).title,
        dimension: d.name,
        weight: numberText(c.weight),
        cap: numberText(c.cap),
        deductions: slotsOf(c.deduction, [], null),
        veto: c.veto !== undefined,
        entry: c,
      });
    }
  }
  const substitutes = substituteChecks(base);
  for (const meta of CHECK_CATALOGUE) {
    if (rows.some((r) => r.check === meta.id) || substitutes.has(meta.id)) continue;
    rows.push({ check: meta.id, title: meta.title, dimension: null, weight: '0', cap: '', deductions: [{ path: ['points'], label: '每次', value: '0' }], veto: false, entry: null });
  }
  const grades = (Array.isArray(base.grades) ? base.grades : []).flatMap((g) => (isObject(g) && typeof g.grade === 'string' ? [{ grade: g.grade, min: numberText(g.min) }] : []));
  const deadlineObject = isObject(base.deadline) ? base.deadline : {};
  const deadlines = Object.entries(deadlineObject).map(([key, value]) => ({ key, label: DEADLINE_LABELS[key] ?? key, value: typeof value === 'string' ? value : '' }));
  return { dimensions, rows, grades, deadlines, base };
}

/** "第 3 行「表三合计」" — how an error names a row (rows counted from 1 as on screen). */
export function rowName(table: RubricTable, index: number): string {
  return `第 ${index + 1} 行「${table.rows[index]!.title}」`;
}

function amount(text: string): number | null {
  const t = text.trim();
  if (t === '') return null;
  const n = Number(t);
  return Number.isFinite(n) && n >= 0 ? n : null;
}

const round2 = (n: number): number => Math.round(n * 100) / 100;

/**
 * The table written back as rubric JSON, or the errors in plain Chinese (each naming its row). Dimension
 * weights are the sums of their checks' weights; they must add up to 100.
 */
export function tableToRubricJson(table: RubricTable): { json: string } | { errors: string[] } {
  const errors: string[] = [];
  const entries: { dimension: string; entry: JsonObject; weight: number }[] = [];
  table.rows.forEach((row, i) => {
    if (row.dimension === null) return;
    const name = rowName(table, i);
    const weight = amount(row.weight);
    if (weight === null) {
      errors.push(`${name}：权重必须是不小于 0 的数`);
      return;
    }
    let entry: JsonObject = row.entry ? { ...row.entry } : { check: row.check, weight: 0, deduction: { type: 'fixed', points: 0 } };
    entry.weight = weight;
    let deduction: Json = entry.deduction ?? { type: 'fixed', points: 0 };
    let largest = 0;
    for (const slot of row.deductions) {
      const points = amount(slot.value);
      if (points === null) {
        errors.push(`${name}：扣分（${slot.label}）必须是不小于 0 的数`);
        continue;
      }
      largest = Math.max(largest, points);
      deduction = setAt(deduction, slot.path, points);
    }
    entry.deduction = deduction;
    const capText = row.cap.trim();
    if (capText === '') delete entry.cap;
    else {
      const cap = amount(capText);
      if (cap === null) errors.push(`${name}：扣分上限必须是不小于 0 的数，或留空（等于权重）`);
      else if (cap > weight) errors.push(`${name}：扣分上限不能大于权重（${weight} 分）`);
      else if (cap < largest) errors.push(`${name}：扣分上限不能小于单项扣分（${largest} 分）`);
      else entry.cap = cap;
    }
    if (row.veto) entry.veto = isObject(row.entry?.veto) ? row.entry.veto : { reason: `${row.title}未通过` };
    else delete entry.veto;
    entries.push({ dimension: row.dimension, entry, weight });
  });
  const total = round2(entries.reduce((a, e) => a + e.weight, 0));
  if (errors.length === 0 && Math.abs(total - 100) > 1e-6) errors.push(`各检查项权重合计必须为 100 分（现为 ${total} 分）`);
  const grades = table.grades.map((g) => {
    const min = amount(g.min);
    if (min === null || min > 100) errors.push(`等次「${g.grade}」：最低分必须是 0 到 100 之间的数`);
    return { grade: g.grade, min: min ?? 0 };
  });
  const deadline: JsonObject = {};
  for (const d of table.deadlines) {
    const m = /^(\d{2})-(\d{2})$/.exec(d.value.trim());
    if (!m || Number(m[1]) < 1 || Number(m[1]) > 12 || Number(m[2]) < 1 || Number(m[2]) > 31) errors.push(`${d.label}：请写成“月-日”，如 01-31`);
    deadline[d.key] = d.value.trim();
  }
  if (errors.length > 0) return { errors };
  const dimensions = table.dimensions.map((name) => {
    const mine = entries.filter((e) => e.dimension === name);
    return { name, weight: round2(mine.reduce((a, e) => a + e.weight, 0)), checks: mine.map((e) => e.entry) };
  });
  const out: JsonObject = { ...table.base, dimensions, grades, deadline };
  return { json: JSON.stringify(out, null, 2) };
}

/**
 * A refusal of the service (it names the JSON field, e.g. `dimensions[2].checks[1].cap 不能大于权重（6）`) in
 * the table's words: the row it is about.
 */
export function explainServiceError(table: RubricTable, message: string): string {
  const m = /dimensions\[(\d+)\]\.checks\[(\d+)\](?:\.([a-z]+))?(?:[.[][^ ]*)? (.*)$/i.exec(message);
  if (!m) return message;
  const dimension = table.dimensions[Number(m[1])];
  const inDimension = table.rows.map((r, i) => ({ r, i })).filter(({ r }) => r.dimension === dimension);
  const hit = inDimension[Number(m[2])];
  if (!hit) return message;
  const field: Record<string, string> = { weight: '权重', cap: '扣分上限', deduction: '扣分', veto: '一票否决', check: '检查项' };
  return `${rowName(table, hit.i)}：${field[m[3] ?? ''] ?? ''}${m[4] ?? ''}`;
}
