/**
 * The charts of a year's audit and of the statistics over the years, as data (src/shared/charts.ts draws them).
 * The printed summary and the screens build them with these functions from the same numbers, so the picture
 * on paper is the one on screen: grade distribution and failed checks per rubric dimension (the summary's
 * counts), and the trends of applications received, carried over and administrative reconsiderations.
 */
import type { BarChart, LineChart } from './charts.ts';
import { REQUEST_COLUMN, REQUEST_COLUMNS, REQUEST_ROW, requestRowShort, REVIEW_BLOCKS, REVIEW_COLUMNS, REVIEW_TOTAL_COLUMN } from './template/index.ts';

export const GRADES = ['优秀', '良好', '合格', '不合格'] as const;

/** The overview's and the summary's two charts of a year. */
export interface YearCharts {
  grades: BarChart;
  dimensions: BarChart;
}

export function gradeChart(year: number, grades: readonly { grade: string; count: number }[]): BarChart {
  return { kind: 'bar', title: `${year}年度审核等级分布`, unit: '家', bars: GRADES.map((g) => ({ label: g, value: grades.find((x) => x.grade === g)?.count ?? 0 })) };
}

/** Failed checks per dimension: each department's failed checks counted once (the summary's columns, added up). */
export function dimensionChart(year: number, dimensions: readonly string[], failed: readonly number[]): BarChart {
  return { kind: 'bar', title: `${year}年度各评分维度不通过检查项`, unit: '项次', bars: dimensions.map((d, i) => ({ label: d, value: failed[i] ?? 0 })) };
}

/** The three statistics followed over the years, where table 三 and 四 put them. */
export const TREND_CELLS = {
  /** 表三 一、本年新收 · 总计. */
  received: { row: REQUEST_ROW.received, col: REQUEST_COLUMN.total },
  /** 表三, the carried-forward row · 总计. */
  carried: { row: REQUEST_ROW.carriedForward, col: REQUEST_COLUMN.total },
  /** 表四, the first block (reconsideration) · 总计. */
  reconsideration: { index: REVIEW_TOTAL_COLUMN },
} as const;

export type TrendKey = keyof typeof TREND_CELLS;

/** Short names for the legend, cut from the template's own labels. */
export const TREND_NAMES: Record<TrendKey, string> = {
  received: requestRowShort(0).replace(/政府信息公开申请数量$/, '申请'),
  carried: requestRowShort(24).replace(/继续办理$/, ''),
  reconsideration: `${REVIEW_BLOCKS[0]!.label}（${REVIEW_COLUMNS[REVIEW_TOTAL_COLUMN]}）`,
};

/** What a trend chart follows, for its title: 收到申请、结转和（表四 first block）情况. */
export const TREND_SUBJECT = `收到申请、结转和${REVIEW_BLOCKS[0]!.label}情况`;

/** One year's three values (null: no report, or its tables were left out). */
export interface TrendPoint {
  year: number;
  received: number | null;
  carried: number | null;
  reconsideration: number | null;
}

/** The three values of a year from tables 三 and 四 (null where a table or cell is missing). */
export function trendValues(tables: { requests: readonly (readonly (number | null)[])[] | null; review: readonly (number | null)[] | null }): Omit<TrendPoint, 'year'> {
  const cell = (row: number, col: number): number | null => tables.requests?.[row]?.[col] ?? null;
  return {
    received: cell(TREND_CELLS.received.row, TREND_CELLS.received.col),
    carried: cell(TREND_CELLS.carried.row, TREND_CELLS.carried.col),
    reconsideration: tables.review?.[TREND_CELLS.reconsideration.index] ?? null,
  };
}

export function trendChart(title: string, points: readonly TrendPoint[]): LineChart {
  const sorted = [...points].sort((a, b) => a.year - b.year);
  const keys: TrendKey[] = ['received', 'carried', 'reconsideration'];
  return {
    kind: 'line',
    title,
    unit: '件',
    categories: sorted.map((p) => `${p.year}年`),
    series: keys.map((k) => ({ name: TREND_NAMES[k], values: sorted.map((p) => p[k]) })),
  };
}

/** Trends of the region (the roll-up's sums) and of each department, over the imported years. */
export interface YearTrends {
  years: number[];
  region: TrendPoint[];
  departments: { department: string; points: TrendPoint[] }[];
}
