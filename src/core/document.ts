/**
 * The output of ingest: what a file says, in reading order, with where each piece was.
 * Every format (.txt, .docx, .pdf, .html, .doc) produces this one shape; parse never looks at bytes.
 */
import type { OcrReading, ReportOcr, SourceFormat } from '../shared/model.ts';
import { CodedError } from '../shared/coded-error.ts';

/** Where a piece of text was in the original file; carried through to evidence. */
export interface Position {
  /** 1-based page number (PDF only). */
  page?: number;
  /** Character offset into the decoded text (txt/html/docx raw text order). */
  offset?: number;
  /** 1-based line number in the decoded text (txt only). */
  line?: number;
}

export interface ParagraphBlock {
  kind: 'paragraph';
  /** The text as found (original script; whitespace collapsed within the line). */
  text: string;
  pos: Position;
}

export interface TableCellBlock {
  /** Cell text as found, '' for an empty cell. */
  text: string;
  pos: Position;
  /** Set when the cell was read by OCR from a scanned page. */
  ocr?: OcrReading;
}

export interface TableRowBlock {
  /**
   * Cells left to right. Merged cells are expanded: a cell spanning 3 rows appears in each of them
   * (`spanned: true` on the copies), so every row of a Word/PDF grid has the same width.
   */
  cells: Array<TableCellBlock & { spanned?: boolean }>;
  pos: Position;
}

export interface TableBlock {
  kind: 'table';
  rows: TableRowBlock[];
  pos: Position;
  /**
   * True when the source did not say where rows end (text pasted with one cell per line):
   * each row then holds whatever cells one source line had, and the table mapper re-cuts rows
   * at label → value boundaries.
   */
  rowsUncertain?: boolean;
}

export type Block = ParagraphBlock | TableBlock;

export interface Document {
  format: SourceFormat;
  blocks: Block[];
  /** Number of pages (PDF), when known. */
  pages?: number;
  /** Title from file metadata (PDF /Title, docx core properties) when present. */
  metaTitle?: string;
  /** Non-fatal problems met while reading (shown to the reviewer, never thrown). */
  warnings: string[];
  /** Set when scanned pages were read by OCR. */
  ocr?: DocumentOcr;
}

/** A reason a file could not be read at all; the batch goes on. */
export class IngestError extends CodedError<IngestErrorCode> {}

export type IngestErrorCode =
  | 'empty'
  | 'unsupported'
  | 'encrypted'
  | 'damaged'
  | 'scanned'
  | 'too-large'
  | 'zip-bomb'
  | 'timeout'
  | 'cancelled'
  | 'not-a-report'
  | 'wrong-format';

/** What OCR read of a file's scanned pages (the report carries it on). */
export type DocumentOcr = ReportOcr;
