/**
 * The rubric: a versioned JSON document the office can edit (default-rubric.json is version 1).
 * parseRubric validates every field and throws RubricError naming the bad field in Chinese.
 */
import type { Generation } from '../../shared/model.ts';
import defaultRubricData from './default-rubric.json' with { type: 'json' };

export type DeductionRule =
  | { type: 'fixed'; points: number; label?: string }
  | { type: 'perUnit'; points: number; unit?: string; label?: string }
  | { type: 'perKind'; kinds: Record<string, DeductionRule>; otherwise?: DeductionRule; label?: string }
  | { type: 'bands'; bands: { min: number; points: number; label?: string }[]; unit?: string; label?: string };

/**
 * 一票否决: a failed (or confirmed) finding of the check — of one of `kinds` when given — makes the report
 * 不合格 whatever its points; `reason` is printed as the veto.
 */
export interface RubricVeto { reason: string; kinds?: string[] }
/**
 * One scored check. `weight` is its share of the dimension (the weights add up to 100); `cap` is the most it can
 * cost (扣分上限, default: its weight; never more than the weight).
 */
export interface RubricCheck { check: string; weight: number; deduction: DeductionRule; cap?: number; veto?: RubricVeto }
export interface RubricDimension { name: string; weight: number; checks: RubricCheck[] }
export interface RubricSubstitute { check: string; replaces: string; profiles: Generation[]; deduction?: DeductionRule }
export type Grade = '优秀' | '良好' | '合格' | '不合格';

export interface Rubric {
  id: string;
  version: number;
  name?: string;
  dimensions: RubricDimension[];
  substitutes: RubricSubstitute[];
  grades: { min: number; grade: Grade }[];
  vetoes: { unreadable: string; notReport: string; notSubmitted: string };
  /** Month-day deadlines in the year after the report year (passed to the checks as CheckOptions.deadlines). */
  deadline: { current: string; legacy: string; government: string };
}

export class RubricError extends Error {
  readonly field: string;
  constructor(field: string, problem: string) {
    super(`${field} ${problem}`);
    this.field = field;
    this.name = 'RubricError';
  }
}

type Json = unknown;
const GRADES: Grade[] = ['优秀', '良好', '合格', '不合格'];
const GENERATIONS: Generation[] = ['2021', '2019', 'legacy'];

function isObject(v: Json): v is Record<string, Json> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
function obj(v: Json, field: string): Record<string, Json> {
  if (!isObject(v)) throw new RubricError(field, '必须是对象');
  return v;
}
function arr(v: Json, field: string): Json[] {
  if (!Array.isArray(v)) throw new RubricError(field, '必须是数组');
  return v;
}
function str(v: Json, field: string): string {
  if (typeof v !== 'string' || v.trim() === '') throw new RubricError(field, '必须是非空字符串');
  return v;
}
function nonNegative(v: Json, field: string): number {
  if (typeof v !== 'number' || !Number.isFinite(v) || v < 0) throw new RubricError(field, '必须是非负数');
  return v;
}
function optionalLabel(v: Record<string, Json>, field: string): { label?: string } {
  return v.label === undefined ? {} : { label: str(v.label, `${field}.label`) };
}

function parseRule(v: Json, field: string): DeductionRule {
  const o = obj(v, field);
  const type = o.type;
  switch (type) {
    case 'fixed':
      return { type, points: nonNegative(o.points, `${field}.points`), ...optionalLabel(o, field) };
    case 'perUnit':
      return {
        type, points: nonNegative(o.points, `${field}.points`),
        ...(o.unit === undefined ? {} : { unit: str(o.unit, `${field}.unit`) }), ...optionalLabel(o, field),
      };
    case 'perKind': {
      const kinds = obj(o.kinds, `${field}.kinds`);
      const parsed: Record<string, DeductionRule> = {};
      for (const [k, rule] of Object.entries(kinds)) parsed[k] = parseRule(rule, `${field}.kinds.${k}`);
      return {
        type, kinds: parsed,
        ...(o.otherwise === undefined ? {} : { otherwise: parseRule(o.otherwise, `${field}.otherwise`) }), ...optionalLabel(o, field),
      };
    }
    case 'bands': {
      const bands = arr(o.bands, `${field}.bands`).map((b, i) => {
        const bo = obj(b, `${field}.bands[${i}]`);
        if (typeof bo.min !== 'number' || !Number.isFinite(bo.min)) throw new RubricError(`${field}.bands[${i}].min`, '必须是数');
        return { min: bo.min, points: nonNegative(bo.points, `${field}.bands[${i}].points`), ...optionalLabel(bo, `${field}.bands[${i}]`) };
      });
      if (bands.length === 0) throw new RubricError(`${field}.bands`, '至少需要一档');
      return { type, bands: bands.sort((a, b) => b.min - a.min), ...(o.unit === undefined ? {} : { unit: str(o.unit, `${field}.unit`) }), ...optionalLabel(o, field) };
    }
    default:
      throw new RubricError(`${field}.type`, '必须是 fixed、perUnit、perKind 或 bands 之一');
  }
}

function parseVeto(v: Json, field: string): RubricVeto {
  const o = obj(v, field);
  const reason = str(o.reason, `${field}.reason`);
  if (o.kinds === undefined) return { reason };
  return { reason, kinds: arr(o.kinds, `${field}.kinds`).map((k, i) => str(k, `${field}.kinds[${i}]`)) };
}

function monthDay(v: Json, field: string): string {
  const s = str(v, field);
  const m = /^(\d{2})-(\d{2})$/.exec(s);
  if (!m || Number(m[1]) < 1 || Number(m[1]) > 12 || Number(m[2]) < 1 || Number(m[2]) > 31) throw new RubricError(field, '必须是“月-日”格式，如 01-31');
  return s;
}

/** Validates a rubric object (already parsed from JSON). `knownChecks` rejects unknown check ids. */
export function validateRubric(data: Json, knownChecks?: readonly string[]): Rubric {
  const root = obj(data, '评分规则');
  const id = str(root.id, 'id');
  if (typeof root.version !== 'number' || !Number.isInteger(root.version) || root.version < 1) throw new RubricError('version', '必须是正整数');
  const seen = new Set<string>();
  const dimensions = arr(root.dimensions, 'dimensions').map((d, di) => {
    const field = `dimensions[${di}]`;
    const dobj = obj(d, field);
    const name = str(dobj.name, `${field}.name`);
    const weight = nonNegative(dobj.weight, `${field}.weight`);
    const checks = arr(dobj.checks, `${field}.checks`).map((c, ci) => {
      const cf = `${field}.checks[${ci}]`;
      const cobj = obj(c, cf);
      const check = str(cobj.check, `${cf}.check`);
      if (knownChecks && !knownChecks.includes(check)) throw new RubricError(`${cf}.check`, `“${check}”不是已知的检查项`);
      if (seen.has(check)) throw new RubricError(`${cf}.check`, `“${check}”重复出现`);
      seen.add(check);
      const checkWeight = nonNegative(cobj.weight, `${cf}.weight`);
      const cap = cobj.cap === undefined ? undefined : nonNegative(cobj.cap, `${cf}.cap`);
      if (cap !== undefined && cap > checkWeight) throw new RubricError(`${cf}.cap`, `不能大于权重（${checkWeight}）`);
      return {
        check, weight: checkWeight, deduction: parseRule(cobj.deduction, `${cf}.deduction`),
        ...(cap === undefined ? {} : { cap }),
        ...(cobj.veto === undefined ? {} : { veto: parseVeto(cobj.veto, `${cf}.veto`) }),
      };
    });
    const total = checks.reduce((a, c) => a + c.weight, 0);
    if (Math.abs(total - weight) > 1e-6) throw new RubricError(`${field}.weight`, `必须等于其检查项权重之和（${Math.round(total * 100) / 100}）`);
    return { name, weight, checks };
  });
  const sumWeights = dimensions.reduce((a, d) => a + d.weight, 0);
  if (Math.abs(sumWeights - 100) > 1e-6) throw new RubricError('dimensions', `各维度权重之和必须为100（现为${Math.round(sumWeights * 100) / 100}）`);
  const substitutes = (root.substitutes === undefined ? [] : arr(root.substitutes, 'substitutes')).map((s, i) => {
    const f = `substitutes[${i}]`;
    const so = obj(s, f);
    const profiles = arr(so.profiles, `${f}.profiles`).map((p, pi) => {
      if (!GENERATIONS.includes(p as Generation)) throw new RubricError(`${f}.profiles[${pi}]`, '必须是 2021、2019 或 legacy');
      return p as Generation;
    });
    const check = str(so.check, `${f}.check`);
    if (knownChecks && !knownChecks.includes(check)) throw new RubricError(`${f}.check`, `“${check}”不是已知的检查项`);
    return {
      check, replaces: str(so.replaces, `${f}.replaces`), profiles,
      ...(so.deduction === undefined ? {} : { deduction: parseRule(so.deduction, `${f}.deduction`) }),
    };
  });
  const grades = arr(root.grades, 'grades').map((g, i) => {
    const go = obj(g, `grades[${i}]`);
    if (!GRADES.includes(go.grade as Grade)) throw new RubricError(`grades[${i}].grade`, '必须是 优秀、良好、合格 或 不合格');
    return { min: nonNegative(go.min, `grades[${i}].min`), grade: go.grade as Grade };
  }).sort((a, b) => b.min - a.min);
  if (grades.length === 0) throw new RubricError('grades', '至少需要一个等次');
  const vetoes = obj(root.vetoes, 'vetoes');
  const deadline = obj(root.deadline, 'deadline');
  return {
    id, version: root.version,
    ...(root.name === undefined ? {} : { name: str(root.name, 'name') }),
    dimensions, substitutes, grades,
    vetoes: { unreadable: str(vetoes.unreadable, 'vetoes.unreadable'), notReport: str(vetoes.notReport, 'vetoes.notReport'), notSubmitted: str(vetoes.notSubmitted, 'vetoes.notSubmitted') },
    deadline: { current: monthDay(deadline.current, 'deadline.current'), legacy: monthDay(deadline.legacy, 'deadline.legacy'), government: monthDay(deadline.government, 'deadline.government') },
  };
}

/** Parses rubric JSON text; throws RubricError (message names the field) on any problem. */
export function parseRubric(jsonText: string, knownChecks?: readonly string[]): Rubric {
  let data: Json;
  try {
    data = JSON.parse(jsonText);
  } catch (e) {
    throw new RubricError('JSON', `格式错误：${(e as Error).message}`);
  }
  return validateRubric(data, knownChecks);
}

/** The default rubric of CHECKS.md as JSON text (version 1). */
export function defaultRubricJson(): string {
  return JSON.stringify(defaultRubricData, null, 2);
}

export function defaultRubric(): Rubric {
  return validateRubric(structuredClone(defaultRubricData));
}
