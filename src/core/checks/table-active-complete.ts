import type { Check } from './types.ts';
import { isBlank, tableCompleteness, type BlankCell } from './lib/completeness.ts';
import { activeCellName, activeTemplateFor } from '../../shared/template/index.ts';

export const tableActiveComplete: Check = {
  meta: {
    id: 'table.active.complete',
    title: '表二填写完整',
    category: '结构',
    severity: 'error',
    docs: '国办公开办函〔2021〕30号规定的年报格式要求第二部分以统一表格（表二）列出主动公开政府信息情况：规章和行政规范性文件的制发、废止、现行有效件数，行政许可、行政处罚、行政强制的处理决定数量和行政事业性收费金额。表格缺失或有空白单元格（数值为0也应填写0）均不符合要求。',
    profiles: ['2021', '2019'],
  },
  run: tableCompleteness('active', (values, report) => {
    const blanks: BlankCell[] = [];
    for (let i = 0; i < activeTemplateFor(report.generation).size; i++) {
      if (isBlank(values[i])) blanks.push({ cell: { table: 'active', index: i }, name: activeCellName(report.generation, i) });
    }
    return blanks;
  }),
};
