/**
 * Print CSS of the documents. Page numbers use CSS page-margin boxes so the same HTML prints with
 * "第 x 页 共 y 页" from Playwright's page.pdf and from Electron's webContents.print/printToPDF.
 */

/** The family name main/print/fonts.ts declares with @font-face (embedded Noto Sans SC). */
export const EMBEDDED_FONT_FAMILY = 'OGI Noto Sans SC';

const FONT_STACK = `'${EMBEDDED_FONT_FAMILY}', 'Noto Sans SC', 'Noto Sans CJK SC', 'Source Han Sans SC', 'Microsoft YaHei', 'PingFang SC', sans-serif`;

/** Text as a CSS string literal (the footer is data: a file's hash, an engine version). */
function cssString(text: string): string {
  return `"${text.replace(/[\\"]/g, (c) => `\\${c}`).replace(/[\r\n]+/g, ' ')}"`;
}

function pageRule(orientation: 'portrait' | 'landscape', footer: string | undefined): string {
  const pageNumber = `content: "第 " counter(page) " 页 共 " counter(pages) " 页";
    font-family: ${FONT_STACK};
    font-size: 9pt;
    color: #333;`;
  // With a footer line (the sheet's SHA-256 and engine), it takes the left and the page number the right.
  const boxes = footer
    ? `
  @bottom-left {
    content: ${cssString(footer)};
    font-family: ${FONT_STACK};
    font-size: 6.5pt;
    color: #666;
  }
  @bottom-right {
    ${pageNumber}
  }`
    : `
  @bottom-center {
    ${pageNumber}
  }`;
  return `
@page {
  size: A4 ${orientation};
  margin: 15mm 15mm 15mm 15mm;${boxes}
}`;
}

const BASE = `
* { box-sizing: border-box; }
html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body { margin: 0; font-family: ${FONT_STACK}; font-size: 10.5pt; line-height: 1.55; color: #111; }
h1 { font-size: 18pt; text-align: center; margin: 0 0 2mm; letter-spacing: 0.08em; font-weight: 700; }
h2 { font-size: 12pt; margin: 6mm 0 2mm; font-weight: 700; break-after: avoid; page-break-after: avoid; }
h3 { font-size: 10.5pt; margin: 4mm 0 1.5mm; font-weight: 700; break-after: avoid; page-break-after: avoid; }
p { margin: 0 0 2mm; }
.subtitle { text-align: center; font-size: 11pt; margin: 0 0 5mm; overflow-wrap: anywhere; }
.office { text-align: center; font-size: 10pt; color: #333; margin-bottom: 1mm; }
table { width: 100%; border-collapse: collapse; table-layout: fixed; }
thead { display: table-header-group; }
tfoot { display: table-footer-group; }
tr, .keep { break-inside: avoid; page-break-inside: avoid; }
th, td { border: 0.6pt solid #444; padding: 1.2mm 1.6mm; vertical-align: top; overflow-wrap: anywhere; word-break: break-word; }
th { background: #eee; font-weight: 700; text-align: center; vertical-align: middle; }
.info th { width: 22mm; text-align: left; background: #f3f3f3; }
.mono { font-family: 'DejaVu Sans Mono', Consolas, monospace; font-size: 8pt; word-break: break-all; }
.num { text-align: center; white-space: nowrap; }
.muted { color: #555; }
.small { font-size: 8.5pt; }
.scorebox { margin: 4mm 0; }
.scorebox td { text-align: center; vertical-align: middle; font-size: 10pt; }
.scorebox .big { font-size: 16pt; font-weight: 700; }
.veto { border: 1pt solid #a00; color: #a00; padding: 2mm 3mm; margin: 3mm 0; }
.dim-head td { background: #f3f3f3; font-weight: 700; }
.verdict-fail { color: #a00; font-weight: 700; }
.verdict-uncertain { color: #8a5a00; font-weight: 700; }
.verdict-dismissed { color: #555; text-decoration: line-through; }
.finding { margin: 0 0 1.2mm; }
.finding:last-child { margin-bottom: 0; }
.evidence { margin: 0.4mm 0 0 4mm; font-size: 8.5pt; color: #333; }
.decision { margin: 0.4mm 0 0 4mm; font-size: 8.5pt; color: #0a4a7a; }
.marker { display: inline-block; min-width: 4mm; padding: 0 0.8mm; border: 0.6pt solid #a00; border-radius: 2mm; color: #a00;
  font-size: 7pt; line-height: 1.3; text-align: center; margin-right: 0.8mm; font-weight: 700; }
.grid { font-size: 8.5pt; }
.grid th, .grid td { padding: 0.6mm 1mm; }
.grid td.cell { text-align: center; }
.grid td.label { text-align: left; }
.grid td.heading { font-weight: 700; background: #fafafa; }
.grid td.none { background: #e8e8e8; }
.grid td.blank { color: #a00; font-style: italic; }
.grid td.flagged { background: #fde2e2; outline: 1.2pt solid #c00; outline-offset: -1.2pt; font-weight: 700; }
.grid td.corrected::after { content: "†"; color: #0a4a7a; }
.grid td.recovered::after { content: "※"; color: #6b4e00; }
.grid td.pending { font-style: italic; color: #6b4e00; }
.grid sup { color: #a00; font-size: 6.5pt; margin-left: 0.3mm; }
.indent-1 { padding-left: 4mm !important; }
.indent-2 { padding-left: 8mm !important; }
.table-block { margin-bottom: 4mm; }
.table-title { font-weight: 700; margin: 3mm 0 1mm; break-after: avoid; page-break-after: avoid; }
.opinion { border: 0.6pt solid #444; min-height: 28mm; padding: 2mm 3mm; margin-top: 2mm; }
.signatures { display: flex; justify-content: space-between; margin-top: 10mm; font-size: 11pt; break-inside: avoid; page-break-inside: avoid; }
.signatures span.line { display: inline-block; width: 32mm; border-bottom: 0.8pt solid #111; margin-left: 1mm; }
.footnote { font-size: 8pt; color: #555; margin-top: 2mm; }
`;

/**
 * The audit sheet is condensed to fit a typical report on 1–2 pages: a small header table, tight statistical
 * tables, and no heading left alone at the foot of a page (each heading is kept with what follows it; rows
 * and blocks are never split).
 */
const SHEET = `
body.sheet { font-size: 9.5pt; line-height: 1.4; }
.sheet h1 { font-size: 16pt; margin-bottom: 1mm; }
.sheet .subtitle { font-size: 10pt; margin-bottom: 3mm; }
.sheet h2 { font-size: 11pt; margin: 4mm 0 1.5mm; }
.sheet h2, .sheet h3, .sheet .table-title, .sheet .dim-head.has-rows { break-after: avoid; page-break-after: avoid; }
.sheet .section { break-before: auto; }
.sheet .section > h2 + * { break-before: avoid; page-break-before: avoid; }
.sheet .info th, .sheet .info td { padding: 0.6mm 1.4mm; font-size: 9pt; }
.sheet .info th { width: auto; }
.sheet .scorebox { margin: 2.5mm 0; }
.sheet .scorebox th, .sheet .scorebox td { padding: 0.6mm 1.4mm; }
.sheet .scorebox .big { font-size: 14pt; }
.sheet .deductions th, .sheet .deductions td { padding: 0.8mm 1.4mm; }
.sheet .dim-passed { font-weight: 400; font-size: 7.5pt; color: #555; margin-left: 3mm; }
.sheet .passed td { font-size: 7.5pt; color: #555; padding: 0.5mm 1.4mm; }
.sheet .evidence, .sheet .decision { font-size: 8pt; margin-left: 3mm; }
.sheet .evidence + .evidence { margin-left: 9mm; }
.sheet .grid { font-size: 7.5pt; line-height: 1.15; }
.sheet .grid th, .sheet .grid td { padding: 0.15mm 0.8mm; border-width: 0.4pt; }
.sheet .grid td.missing-row { color: #a00; background: #f6f6f6; }
.sheet .table-block { margin-bottom: 2mm; break-inside: avoid; page-break-inside: avoid; }
.sheet .table-title { margin: 2mm 0 0.8mm; font-size: 9pt; }
.sheet .opinion { min-height: 0; }
.sheet .opinion .comment { white-space: pre-wrap; }
.sheet .opinion .by { text-align: right; font-size: 8pt; color: #555; margin-top: 1mm; }
.sheet .opinion .write-line { border-bottom: 0.5pt solid #999; height: 6.5mm; }
.sheet .opinion .write-line:last-child { border-bottom: none; }
.sheet .signatures { margin-top: 5mm; }
.sheet .margin-glyphs { position: absolute; left: 0; top: 0; width: 1px; height: 1px; overflow: hidden; color: transparent; font-size: 1pt; }
`;

const NOTICE = `
body.notice { font-size: 12pt; line-height: 1.8; }
.notice .doc-no { text-align: right; font-size: 11pt; margin-bottom: 4mm; }
.notice h1 { font-size: 20pt; margin-bottom: 6mm; }
.notice .addressee { margin: 0 0 2mm; font-weight: 700; }
.notice .body-text { text-indent: 2em; margin-bottom: 3mm; }
.notice .problem { margin: 0 0 4mm; break-inside: avoid; page-break-inside: avoid; }
.notice .problem h3 { font-size: 12pt; margin: 0 0 1mm; }
.notice .problem p { margin: 0 0 1mm 2em; }
.notice .label { font-weight: 700; }
.notice .where { font-size: 10.5pt; }
.notice .closing { margin-top: 8mm; text-align: right; break-inside: avoid; page-break-inside: avoid; }
.notice .closing p { margin: 0; }
.notice .seal { color: #777; font-size: 10pt; }
`;

const SUMMARY = `
.summary .grid { font-size: 9pt; }
.summary .grid td { vertical-align: middle; line-height: 1.3; padding: 0.5mm 1mm; }
.summary td.dept { text-align: left; }
.summary td.file { font-size: 7.5pt; color: #555; text-align: left; }
.summary .stats { margin: 0 0 3mm; }
.summary .missing-list { columns: 3; column-gap: 8mm; margin: 0; padding-left: 6mm; }
.summary .late { color: #a00; font-weight: 700; }
.summary .charts { display: flex; gap: 8mm; margin: 0 0 3mm; break-inside: avoid; page-break-inside: avoid; }
.summary .chart-figure { margin: 0; flex: 1; }
.summary .chart-figure svg { max-width: 100%; height: auto; }
.summary .chart-figure figcaption { color: #333; margin-top: 1mm; }
`;

export function documentCss(kind: 'sheet' | 'notice' | 'summary', options: { footer?: string } = {}): string {
  const orientation = kind === 'summary' ? 'landscape' : 'portrait';
  return `${pageRule(orientation, options.footer)}\n${BASE}\n${kind === 'sheet' ? SHEET : ''}${kind === 'notice' ? NOTICE : ''}${kind === 'summary' ? SUMMARY : ''}`;
}
