/**
 * Data shapes shared by core, main and renderer. Plain JSON-serialisable values only:
 * these cross IPC, HTTP, worker threads and the database.
 */

export type SourceFormat = 'txt' | 'docx' | 'pdf' | 'html' | 'doc';

/** Template generation: 2021 = 国办公开办函〔2021〕30号, 2019 = 〔2019〕60号 trial, legacy = 2008 条例. */
export type Generation = '2021' | '2019' | 'legacy';

export type TableId = 'active' | 'requests' | 'review';

/** A table cell value: a number, or null when the cell was blank / "-" / "无" (not filled). */
export type CellValue = number | null;

export interface ReportTables {
  /** Table 二: 10 values (22 for the 2019 format); null when the table is missing. */
  active: CellValue[] | null;
  /** Table 三: 25 rows × 7 columns; null when missing. */
  requests: CellValue[][] | null;
  /** Table 四: 15 values; null when missing. */
  review: CellValue[] | null;
}

/** How a value read by OCR from a scanned page was read. */
export interface OcrReading {
  /** 0…1: the recogniser's certainty for its least certain character. */
  confidence: number;
  /** The picture of the cell or line it was read from (PNG data URL, a few hundred bytes). */
  image?: string;
}

/** What OCR read of a report's scanned pages. */
export interface ReportOcr {
  /** Pages read by OCR (1-based). */
  pages: number[];
  /** Seconds the OCR took. */
  seconds: number;
  /** Lines of text outside tables read with low confidence, with their pictures. */
  doubtfulLines: { page: number; text: string; confidence: number; image?: string }[];
}

/** Where a table cell's value came from: the raw text and its place in the file. */
export interface CellSource {
  raw: string;
  page?: number;
  offset?: number;
  /**
   * How the value was obtained when not read from its own cell: 'run-split' = cut out of a run of digits
   * written together ("200000121" = 20|0|0|0|0|1|21) by the table's arithmetic (see Report.runCuts).
   */
  provenance?: 'run-split';
  /** Present when the value was read by OCR from a scanned page. */
  ocr?: OcrReading;
  /** Set on the corrected copy of a report (core/review applyCorrections): the text as read before the reviewer corrected the cell ('' for a blank). */
  correctedFrom?: string;
}

/** A table cell addressed like Evidence: table 三 by row and column; 表二/表四 by value index in `row`. */
export interface RunCell {
  row: number;
  col?: number;
}

/**
 * A run of digits that stands for several cells written without separators. Cut by the template's own
 * arithmetic (表三: the six columns sum to 总计, the result total and the carried-forward row tie the rows together; 表四: each block's four
 * results sum to its 总计; no leading zeros): `recovered` when exactly one cut fits (its cells are filled and
 * marked 'run-split'), `ambiguous` when several do (cells stay null; the reviewer picks one), `impossible` when
 * none does (cells stay null; the row's numbers are inconsistent or a cell is missing).
 */
export interface RunCut {
  table: TableId;
  /** The cells the run stands for, in order. */
  cells: RunCell[];
  /** The run as found (pieces separated by spaces where the source had them). */
  raw: string;
  /** The row's label as found (for messages). */
  label: string;
  /** 'corrected': the reviewer has since set every cell of an ambiguous or impossible run (a correction each). */
  status: 'recovered' | 'ambiguous' | 'impossible' | 'corrected';
  /** Cuts that satisfy the arithmetic (the one used when recovered); at most RUN_CANDIDATE_LIMIT. */
  candidates: number[][];
  /** More cuts fit than are listed. */
  more?: boolean;
  page?: number;
  offset?: number;
}

export interface ReportTableSources {
  active: (CellSource | null)[] | null;
  requests: (CellSource | null)[][] | null;
  review: (CellSource | null)[] | null;
}

/** One template row label as it was found in the file (table 三), for the labels check. */
export interface ObservedRowLabel {
  /** Canonical row index it was mapped to, or null for a recognised extra row (subtotal) or an unmapped row. */
  canonical: number | null;
  label: string;
  kind: 'row' | 'subtotal' | 'unknown';
  page?: number;
  offset?: number;
}

export type PartNumber = 1 | 2 | 3 | 4 | 5 | 6;

export interface SectionInfo {
  part: PartNumber;
  /** The heading as found (original script), or the template's title when not found. */
  title: string;
  found: boolean;
  /** Index of the heading's paragraph in Report.paragraphs (when found). */
  headingIndex?: number;
  page?: number;
  offset?: number;
}

/** A paragraph of the report as the checks see it. */
export interface ReportParagraph {
  /** Original text (for display and quoting). */
  original: string;
  /** Normalised for matching: simplified script, half-width digits and punctuation, pinyin damage removed. */
  text: string;
  page?: number;
  offset?: number;
  /** Which of the six parts it belongs to (0 = before part 一, e.g. title and preface). */
  part: number;
  /** True for paragraphs that are rows of a table flattened to text (not narrative). */
  fromTable?: boolean;
}

export interface Report {
  file: string;
  format: SourceFormat;
  department: string | null;
  /** How the department was found: title, phrase in the text, signature, or file name. */
  departmentSource: 'title' | 'phrase' | 'signature' | 'filename' | null;
  /** The year reported on. */
  year: number | null;
  /** Signing date (落款) as ISO yyyy-mm-dd, or null when undated. */
  signedOn: string | null;
  generation: Generation;
  /** The title line when one was found. */
  title: string | null;
  /** True when the author is a government (人民政府, 街道办事处…), not a department. */
  isGovernment: boolean;
  sections: SectionInfo[];
  /** Legacy reports: which of the 2008 条例 第三十二条 items were found. */
  legacyItems?: { item: string; found: boolean }[];
  tables: ReportTables;
  tableSources: ReportTableSources;
  /** Row labels of table 三 as found, in order. */
  requestsLabels: ObservedRowLabel[];
  /** Runs of digits cut into cells (web page text with cells written together); absent when there were none. */
  runCuts?: RunCut[];
  /** Narrative paragraphs (tables excluded), in reading order. */
  paragraphs: ReportParagraph[];
  /** The statistics period when stated, e.g. 2024-01-01 … 2024-12-15. */
  statedPeriod: { from: string; to: string; quote: string; page?: number; offset?: number } | null;
  pages?: number;
  /** Traditional script was converted for matching. */
  traditional: boolean;
  /** Set when scanned pages were read by OCR (table values read so carry `ocr` in tableSources). */
  ocr?: ReportOcr;
  warnings: string[];
}

export type Verdict = 'pass' | 'fail' | 'uncertain' | 'na';
export type Severity = 'error' | 'warning' | 'info';
export type CheckCategory = '结构' | '内容' | '数据' | '时效' | '跨年' | '原创' | '文字';

export interface Evidence {
  page?: number;
  offset?: number;
  table?: TableId;
  row?: number;
  col?: number;
  /** The value or quoted sentence. */
  text?: string;
  /** Set when the value or text was read by OCR from a scanned page: confidence and picture. */
  ocr?: OcrReading;
  /** For cross-report evidence: which other report (department / file / year). */
  other?: { department: string | null; file: string; year: number | null };
  /** A table cell the reviewer corrected: `text` is the corrected value, `original` what was read from the file. */
  corrected?: { original: string };
}

export interface Finding {
  check: string;
  status: Verdict;
  severity: Severity;
  message: string;
  evidence: Evidence[];
  /** Points deducted by the rubric (filled in by scoring; 0 for pass/na/uncertain). */
  deduction: number;
  /** Check-specific quantity the rubric uses (blank cells, bad rows, days late, similarity %…). */
  measure?: number;
  /** Sub-kind the rubric may price differently (e.g. 'no-measures', 'legacy-format', 'late-15'). */
  kind?: string;
}

export type DecisionAction = 'confirm' | 'dismiss';

/**
 * A reviewer's decision on one finding, as far as the engine needs it. `findingIndex` points into the
 * findings of an audit; `message` is the finding's wording when the decision was made (it re-anchors the
 * decision when checks run again; absent only for decisions recorded without it). The stored record with
 * reason, reviewer and time is `ReviewerDecision` in api.ts.
 */
export interface FindingDecision {
  findingIndex: number;
  check: string;
  message?: string;
  action: DecisionAction;
}

export interface DeductionLine {
  check: string;
  dimension: string;
  points: number;
  explanation: string;
}

export interface ScoreResult {
  /** null when vetoed (unreadable / not a report / not submitted); a 一票否决 by a check keeps its points with grade 不合格 and `veto` set. */
  score: number | null;
  grade: '优秀' | '良好' | '合格' | '不合格' | null;
  veto: string | null;
  deductions: DeductionLine[];
  /** Per dimension: weight available and points lost. */
  dimensions: { name: string; weight: number; lost: number }[];
  rubric: { id: string; version: number };
}

/** One file's audit, as in the JSON export (../shared/spec/OUTPUT.md) plus the full report model. */
export interface AuditResult {
  file: string;
  sha256: string;
  format: SourceFormat | null;
  size: number;
  error: string | null;
  errorCode?: string;
  report: Report | null;
  findings: Finding[];
  score: ScoreResult | null;
}
