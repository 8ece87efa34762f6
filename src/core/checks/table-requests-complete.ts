import type { Check } from './types.ts';
import { isBlank, tableCompleteness, type BlankCell } from './lib/completeness.ts';
import { REQUESTS_SIZE, requestColumnName, requestRowName } from '../../shared/template/index.ts';

export const tableRequestsComplete: Check = {
  meta: {
    id: 'table.requests.complete',
    title: '表三填写完整',
    category: '结构',
    severity: 'error',
    docs: '国办公开办函〔2021〕30号规定第三部分以统一表格（表三）报告收到和处理政府信息公开申请情况，共25行、7列（自然人、五类法人或其他组织、总计）。表格缺失或任一单元格空白（数值为0也应填写0；“/”“-”“无”视为未填写）均不符合要求。',
    profiles: ['2021', '2019'],
  },
  run: tableCompleteness('requests', (grid) => {
    const blanks: BlankCell[] = [];
    for (let r = 0; r < REQUESTS_SIZE.rows; r++) {
      for (let c = 0; c < REQUESTS_SIZE.cols; c++) {
        if (isBlank(grid[r]?.[c])) blanks.push({ cell: { table: 'requests', row: r, col: c }, name: `${requestRowName(r)}${requestColumnName(c)}` });
      }
    }
    return blanks;
  }),
};
