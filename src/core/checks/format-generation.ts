import type { Generation } from '../../shared/model.ts';
import type { Check } from './types.ts';
import { fail, pass, uncertain } from './lib/findings.ts';
import { checkMeta } from '../../shared/check-catalogue.ts';

const RANK: Record<Generation, number> = { legacy: 0, '2019': 1, '2021': 2 };
const NAME: Record<Generation, string> = {
  '2021': '2021年新版格式（国办公开办函〔2021〕30号）',
  '2019': '2019年试行格式（国办公开办函〔2019〕60号）',
  legacy: '2008年条例旧版格式',
};

/** The oldest template a report on `year` may use. */
export function requiredGeneration(year: number): Generation {
  if (year >= 2021) return '2021';
  if (year >= 2019) return '2019';
  return 'legacy';
}

export const formatGeneration: Check = {
  meta: checkMeta('format.generation'),
  run(report) {
    if (report.year === null) return [uncertain(`无法确定报告年度，未能核对格式版本（识别为${NAME[report.generation]}）`)];
    const required = requiredGeneration(report.year);
    if (RANK[report.generation] >= RANK[required]) return [pass(`${report.year}年度年报使用${NAME[report.generation]}`)];
    return [fail(`${report.year}年度年报应使用${NAME[required]}，实际为${NAME[report.generation]}`, [{ text: NAME[report.generation] }], {
      kind: report.generation,
    })];
  },
};
