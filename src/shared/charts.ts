/**
 * Charts as SVG text from plain data: the same picture on screen (the renderer inserts the SVG) and on paper
 * (the printed summary is static HTML printed by Chromium, the SVG inline; the screen shows it as an image). No DOM: text widths are estimated (CJK characters
 * one em, others half). Every chart carries its title and a description with all its numbers (<title>/<desc>,
 * role="img"), and `chartTable` gives the same numbers as a table for a text fallback.
 */

export interface Bar {
  label: string;
  value: number;
}

/** Horizontal bars: one category per row, the value written at the bar's end. */
export interface BarChart {
  kind: 'bar';
  title: string;
  /** What the values count: 家, 项次… */
  unit: string;
  bars: Bar[];
}

export interface LineSeries {
  name: string;
  /** One value per category; null where there is no value (no report, tables left out). */
  values: (number | null)[];
}

/** Lines over ordered categories (years), a point and its value at each category. */
export interface LineChart {
  kind: 'line';
  title: string;
  unit: string;
  categories: string[];
  series: LineSeries[];
}

export type Chart = BarChart | LineChart;

/** Print-safe colours (distinct in greyscale too: dark to light). */
const COLORS = ['#1f4e79', '#c55a11', '#548235', '#7f6000', '#7030a0', '#2e75b6'];
const TEXT = 13;
/** The printed documents' embedded font first (src/core/sheet/styles.ts), then the system's CJK fonts (the screen shows the SVG as an image). */
const FONT = "'OGI Noto Sans SC', 'Noto Sans CJK SC', 'Noto Sans SC', 'Microsoft YaHei', 'PingFang SC', sans-serif";

function escapeXml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** Estimated width of a text at `size` px: CJK and full-width characters one em, the rest about half. */
export function textWidth(text: string, size = TEXT): number {
  let em = 0;
  for (const ch of text) em += /[\u2e80-\u9fff\uff00-\uffef\u3000-\u303f]/.test(ch) ? 1 : 0.58;
  return em * size;
}

/** A number as the charts write it: at most two decimals, no trailing zeros. */
export function formatValue(v: number): string {
  return String(Math.round(v * 100) / 100);
}

/** A round axis maximum ≥ max (1, 2, 5 × 10^n), at least 1. */
function niceMax(max: number): number {
  if (max <= 0) return 1;
  const power = 10 ** Math.floor(Math.log10(max));
  for (const step of [1, 2, 5, 10]) if (step * power >= max) return step * power;
  return 10 * power;
}

/** The numbers of a chart as a sentence (the SVG's <desc>, read by screen readers). */
export function chartDescription(chart: Chart): string {
  if (chart.kind === 'bar') return chart.bars.map((b) => `${b.label} ${formatValue(b.value)} ${chart.unit}`).join('；');
  return chart.series
    .map((s) => `${s.name}：${s.values.map((v, i) => `${chart.categories[i]} ${v === null ? '无数据' : formatValue(v)}`).join('，')}`)
    .join('；');
}

/** The chart's numbers as a table (header row first), for a text fallback beside or under the picture. */
export function chartTable(chart: Chart): { head: string[]; rows: string[][] } {
  if (chart.kind === 'bar') return { head: ['项目', `数量（${chart.unit}）`], rows: chart.bars.map((b) => [b.label, formatValue(b.value)]) };
  return {
    head: ['项目', ...chart.categories],
    rows: chart.series.map((s) => [s.name, ...s.values.map((v) => (v === null ? '—' : formatValue(v)))]),
  };
}

function svgOpen(chart: Chart, width: number, height: number, id: string): string {
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" class="chart" role="img" aria-labelledby="${id}-t ${id}-d" ` +
    `width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-size="${TEXT}" font-family="${escapeXml(FONT)}">` +
    `<title id="${id}-t">${escapeXml(chart.title)}</title><desc id="${id}-d">${escapeXml(chartDescription(chart))}</desc>` +
    `<text x="${width / 2}" y="18" text-anchor="middle" font-size="15" font-weight="bold" fill="#000">${escapeXml(chart.title)}</text>`
  );
}

/** An id usable in the SVG (several charts on one page need distinct ids). */
function chartId(chart: Chart): string {
  let h = 0;
  for (const ch of chart.title) h = (h * 31 + ch.codePointAt(0)!) >>> 0;
  return `chart-${h.toString(36)}`;
}

export function barChartSvg(chart: BarChart, width = 520): string {
  const id = chartId(chart);
  const rowHeight = 26;
  const top = 32;
  const labelWidth = Math.min(width * 0.45, Math.max(40, ...chart.bars.map((b) => textWidth(b.label))) + 12);
  const valueRoom = Math.max(...chart.bars.map((b) => textWidth(`${formatValue(b.value)} ${chart.unit}`)), 30) + 8;
  const plot = Math.max(60, width - labelWidth - valueRoom - 8);
  const max = niceMax(Math.max(0, ...chart.bars.map((b) => b.value)));
  const height = top + Math.max(1, chart.bars.length) * rowHeight + 8;
  const parts = [svgOpen(chart, width, height, id)];
  parts.push(`<line x1="${labelWidth}" y1="${top - 4}" x2="${labelWidth}" y2="${height - 8}" stroke="#666" stroke-width="1"/>`);
  chart.bars.forEach((b, i) => {
    const y = top + i * rowHeight;
    const w = (Math.max(0, b.value) / max) * plot;
    const color = COLORS[i % COLORS.length]!;
    parts.push(
      `<text x="${labelWidth - 6}" y="${y + rowHeight / 2 + 4}" text-anchor="end" fill="#000">${escapeXml(b.label)}</text>`,
      `<rect x="${labelWidth}" y="${y + 4}" width="${w.toFixed(1)}" height="${rowHeight - 8}" fill="${color}"/>`,
      `<text x="${(labelWidth + w + 4).toFixed(1)}" y="${y + rowHeight / 2 + 4}" fill="#000">${escapeXml(`${formatValue(b.value)} ${chart.unit}`)}</text>`,
    );
  });
  if (chart.bars.length === 0) parts.push(`<text x="${width / 2}" y="${top + 16}" text-anchor="middle" fill="#666">无数据</text>`);
  parts.push('</svg>');
  return parts.join('');
}

export function lineChartSvg(chart: LineChart, width = 560): string {
  const id = chartId(chart);
  const top = 32;
  const legendHeight = 22;
  const plotHeight = 170;
  const left = 48;
  const right = 24;
  const bottom = top + plotHeight;
  const height = bottom + 24 + legendHeight;
  const values = chart.series.flatMap((s) => s.values.filter((v): v is number => v !== null));
  const max = niceMax(Math.max(0, ...values));
  const n = chart.categories.length;
  const x = (i: number): number => (n <= 1 ? left + (width - left - right) / 2 : left + (i * (width - left - right)) / (n - 1));
  const y = (v: number): number => bottom - (Math.max(0, v) / max) * plotHeight;
  const parts = [svgOpen(chart, width, height, id)];
  for (let k = 0; k <= 4; k++) {
    const v = (max * k) / 4;
    parts.push(
      `<line x1="${left}" y1="${y(v).toFixed(1)}" x2="${width - right}" y2="${y(v).toFixed(1)}" stroke="${k === 0 ? '#666' : '#ddd'}" stroke-width="1"/>`,
      `<text x="${left - 6}" y="${(y(v) + 4).toFixed(1)}" text-anchor="end" font-size="11" fill="#444">${escapeXml(formatValue(v))}</text>`,
    );
  }
  chart.categories.forEach((c, i) => parts.push(`<text x="${x(i).toFixed(1)}" y="${bottom + 16}" text-anchor="middle" fill="#000">${escapeXml(c)}</text>`));
  chart.series.forEach((s, si) => {
    const color = COLORS[si % COLORS.length]!;
    // A gap (null) breaks the line: no value is invented for a missing year.
    let path = '';
    let pen = false;
    s.values.forEach((v, i) => {
      if (v === null) {
        pen = false;
        return;
      }
      path += `${pen ? 'L' : 'M'}${x(i).toFixed(1)} ${y(v).toFixed(1)} `;
      pen = true;
    });
    if (path) parts.push(`<path d="${path.trim()}" fill="none" stroke="${color}" stroke-width="2"${si % 2 === 1 ? ' stroke-dasharray="6 3"' : ''}/>`);
    s.values.forEach((v, i) => {
      if (v === null) return;
      parts.push(
        `<circle cx="${x(i).toFixed(1)}" cy="${y(v).toFixed(1)}" r="3.5" fill="${color}"/>`,
        `<text x="${x(i).toFixed(1)}" y="${(y(v) - 7).toFixed(1)}" text-anchor="middle" font-size="11" fill="${color}">${escapeXml(formatValue(v))}</text>`,
      );
    });
  });
  // Legend under the axis, one entry per series.
  let lx = left;
  const ly = bottom + 24 + 12;
  chart.series.forEach((s, si) => {
    const color = COLORS[si % COLORS.length]!;
    parts.push(
      `<line x1="${lx}" y1="${ly - 4}" x2="${lx + 18}" y2="${ly - 4}" stroke="${color}" stroke-width="2"${si % 2 === 1 ? ' stroke-dasharray="6 3"' : ''}/>`,
      `<text x="${lx + 22}" y="${ly}" fill="#000">${escapeXml(s.name)}</text>`,
    );
    lx += 22 + textWidth(s.name) + 18;
  });
  if (n === 0) parts.push(`<text x="${width / 2}" y="${top + plotHeight / 2}" text-anchor="middle" fill="#666">无数据</text>`);
  parts.push('</svg>');
  return parts.join('');
}

export function chartSvg(chart: Chart, width?: number): string {
  return chart.kind === 'bar' ? barChartSvg(chart, width) : lineChartSvg(chart, width);
}
