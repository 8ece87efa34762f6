/**
 * .pdf → Document: paragraphs rebuilt from positioned text, ruled tables rebuilt from their drawn
 * borders (borderless ones from text columns), each block with its 1-based page number.
 */
import { IngestError, type Block, type Document, type TableBlock, type TableRowBlock } from '../document.ts';
import { openPdf, toIngestError } from './pdf-load.ts';
import { readPage, type PageContent, type TextPiece } from './pdf-page.ts';
import { isDoubtful } from './scan/confidence.ts';
import { readScannedPages, SCANNED_PAGE_MAX_CHARS, type OcrOptions } from './pdf-scan.ts';
import { findLatticeTables, type GridTable } from './pdf-lattice.ts';
import { findStreamTables } from './pdf-stream.ts';
import { groupLines, type TextLine } from './pdf-text.ts';
import {
  appendLine,
  continues,
  isPageNumberLine,
  measureLayout,
  type PageLayout,
  type ParagraphDraft,
} from './pdf-paragraphs.ts';

interface PageFlowItem {
  top: number;
  line?: TextLine;
  table?: GridTable;
}

interface PageFlow {
  page: number;
  items: PageFlowItem[];
}

export interface PdfReadOptions {
  /** Ignore drawn borders and read every table from text positions (tests of the fallback). */
  ignoreRules?: boolean;
  /** Read scanned pages (no text layer) by OCR; without it a scanned file is refused as before. */
  ocr?: OcrOptions;
}

export async function ingestPdf(bytes: Uint8Array, options: PdfReadOptions = {}): Promise<Document> {
  if (bytes.length === 0) throw new IngestError('empty', 'PDF 文件为空');
  const opened = await openPdf(bytes);
  const { pdfjs, doc } = opened;
  const warnings: string[] = [];
  let ocr: Document['ocr'];
  try {
    const metaTitle = await readTitle(doc);
    const contents = new Map<number, PageContent>();
    for (let n = 1; n <= doc.numPages; n++) {
      try {
        const page = await doc.getPage(n);
        contents.set(n, await readPage(pdfjs, page, mayHoldTable));
        page.cleanup();
      } catch (err) {
        warnings.push(`第 ${n} 页无法读取：${err instanceof Error ? err.message : String(err)}`);
      }
    }
    if (contents.size === 0) throw new IngestError('damaged', 'PDF 文件已损坏，无法读取任何页面');
    const only = options.ocr?.onlyPages;
    const scanned = [...contents].filter(([n, c]) => textLength(c) < SCANNED_PAGE_MAX_CHARS && (!only || only.includes(n))).map(([n]) => n);
    if (scanned.length > 0 && options.ocr) {
      const read = await readScannedPages(bytes, scanned, options.ocr);
      for (const [n, content] of read.pages) contents.set(n, content);
      warnings.push(...read.warnings);
      ocr = { pages: [...read.pages.keys()], seconds: Math.round(read.seconds * 10) / 10, doubtfulLines: [] };
    }

    const flows: PageFlow[] = [];
    let pieceCount = 0;
    for (const [n, content] of contents) {
      pieceCount += content.pieces.length;
      const lattice = options.ignoreRules
        ? { tables: [], rest: content.pieces }
        : findLatticeTables(content.pieces, content.hRules, content.vRules);
      const stream = findStreamTables(lattice.rest);
      if (ocr) {
        for (const piece of stream.rest) {
          if (piece.ocr && isDoubtful(piece.text, piece.ocr.confidence)) {
            ocr.doubtfulLines.push({ page: n, text: piece.text, confidence: piece.ocr.confidence, ...(piece.ocr.image ? { image: piece.ocr.image } : {}) });
          }
        }
      }
      const lines = groupLines(stream.rest).filter((l) => l.text !== '' && !isPageNumberLine(l, content.height));
      const items: PageFlowItem[] = [
        ...lines.map((line) => ({ top: line.top, line })),
        ...[...lattice.tables, ...stream.tables].map((table) => ({ top: table.top, table })),
      ].sort((a, b) => a.top - b.top);
      flows.push({ page: n, items });
    }
    if (pieceCount === 0) {
      const budgetNote = warnings.find((w) => w.includes('OGI_OCR_BUDGET_S'));
      throw new IngestError('scanned', budgetNote ? `扫描件，${budgetNote}` : '扫描件，无可识别文字，请人工审核');
    }

    const allLines = flows.flatMap((f) => f.items.flatMap((i) => (i.line ? [i.line] : [])));
    const blocks = assembleBlocks(flows, measureLayout(allLines));
    return { format: 'pdf', blocks, pages: doc.numPages, ...(metaTitle ? { metaTitle } : {}), ...(ocr ? { ocr } : {}), warnings };
  } catch (err) {
    throw toIngestError(err);
  } finally {
    await opened.destroy();
  }
}

function textLength(content: PageContent): number {
  let n = 0;
  for (const p of content.pieces) n += p.text.replace(/\s+/g, '').length;
  return n;
}

async function readTitle(doc: Awaited<ReturnType<typeof openPdf>>['doc']): Promise<string | undefined> {
  try {
    const meta = await doc.getMetadata();
    const info = meta.info as { Title?: unknown } | undefined;
    const title = typeof info?.Title === 'string' ? info.Title.trim() : '';
    return title === '' ? undefined : title;
  } catch {
    return undefined;
  }
}

/** Walks pages in order, joining paragraphs and tables that continue across a page break. */
function assembleBlocks(flows: readonly PageFlow[], layout: PageLayout): Block[] {
  const blocks: Block[] = [];
  let draft: ParagraphDraft | undefined;
  let lastTable: { block: TableBlock; width: number } | undefined;
  const flush = (): void => {
    if (draft) blocks.push({ kind: 'paragraph', text: draft.text, pos: { page: draft.page } });
    draft = undefined;
  };
  for (const flow of flows) {
    let firstOnPage = true;
    for (const item of flow.items) {
      if (item.line) {
        const line = item.line;
        if (draft && continues(draft.last, line, layout, !firstOnPage || draft.page === flow.page)) {
          appendLine(draft, line);
        } else {
          flush();
          draft = { text: line.text, page: flow.page, top: line.top, last: line };
        }
        lastTable = undefined;
      } else if (item.table) {
        const table = item.table;
        const width = table.rows[0]?.length ?? 0;
        const rows = toRows(table, flow.page);
        // A table that opens a page and has the same columns as the table that closed the last page goes on.
        if (firstOnPage && !draft && lastTable && lastTable.width === width) {
          lastTable.block.rows.push(...rows);
        } else {
          flush();
          const block: TableBlock = { kind: 'table', rows, pos: { page: flow.page } };
          blocks.push(block);
          lastTable = { block, width };
        }
      }
      firstOnPage = false;
    }
    // A paragraph still open at the bottom of the page may continue on the next one; a table may too.
    if (draft) lastTable = undefined;
  }
  flush();
  return blocks;
}

function toRows(table: GridTable, page: number): TableRowBlock[] {
  return table.rows.map((row) => ({
    cells: row.map((c) => ({
      text: c.text,
      pos: { page },
      ...(c.spanned ? { spanned: true } : {}),
      ...(c.ocr ? { ocr: c.ocr } : {}),
    })),
    pos: { page },
  }));
}

/**
 * Could this page's text belong to a table? Tables hold numbers standing apart from other text, or
 * lines cut into several pieces by wide gaps (header cells). Pure prose pages skip reading the borders.
 */
function mayHoldTable(pieces: readonly TextPiece[]): boolean {
  if (pieces.length === 0) return false;
  for (const line of groupLines(pieces)) {
    let gaps = 0;
    for (let k = 0; k < line.pieces.length; k++) {
      const p = line.pieces[k]!;
      const prev = line.pieces[k - 1];
      const gap = prev ? p.x0 - prev.x1 : Infinity;
      if (gap >= p.size) gaps++;
      if (/^\s*[-−+]?\d[\d,.]*%?\s*$/.test(p.text) && gap >= p.size) return true;
    }
    if (gaps >= 3) return true;
  }
  return false;
}
