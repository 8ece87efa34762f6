/**
 * Scanned pages of a PDF (pictures of paper, no text layer): drawn with pdf.js at the scan's own
 * resolution (150–200 dpi), then read by OCR (scan/read-page.ts) into the positioned text and rules a
 * text layer would have given. Only pages with no text of their own are read: pictures in normal pages
 * (seals, logos) never are.
 */
import { IngestError } from '../document.ts';
import { openPdf, type PdfPageProxy } from './pdf-load.ts';
import type { PageContent } from './pdf-page.ts';
import { grayFromRgba, type GrayImage } from './scan/gray-image.ts';
import { readScannedPage } from './scan/read-page.ts';
import type { TextRecognizer } from './scan/recognizer.ts';

type PdfJs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');

export interface OcrOptions {
  /** The OCR engine, loaded on the first scanned page (it is large and native). */
  recognizer: () => Promise<TextRecognizer>;
  /** Time allowed for the OCR of one file (ms); pages past it are left unread, with a warning. */
  budgetMs: number;
  /** Called before each scanned page is read (1-based index among the scanned pages, and their count). */
  onPage?: (done: number, total: number, page: number) => void;
  /** Stops reading further pages when set (the import was cancelled). */
  cancelled?: () => boolean;
  /** Read only these scanned pages (tests that must stay short); the others are left unread. */
  onlyPages?: readonly number[];
}

/** A page with fewer characters than this in its text layer counts as scanned (a stamp's date, a page number). */
export const SCANNED_PAGE_MAX_CHARS = 20;

/** Pixels per inch the page is drawn at: the scan's own, kept within what OCR reads well and fast. */
const MIN_DPI = 150;
const MAX_DPI = 200;

export interface ScanReadResult {
  pages: Map<number, PageContent>;
  warnings: string[];
  /** Seconds spent, for the file's record. */
  seconds: number;
}

export async function readScannedPages(bytes: Uint8Array, pageNumbers: readonly number[], options: OcrOptions): Promise<ScanReadResult> {
  const started = performance.now();
  const pages = new Map<number, PageContent>();
  const warnings: string[] = [];
  const opened = await openPdf(bytes, true);
  let recognizer: TextRecognizer | undefined;
  try {
    for (let k = 0; k < pageNumbers.length; k++) {
      const n = pageNumbers[k]!;
      if (options.cancelled?.()) throw new IngestError('cancelled', '导入已取消，扫描件未读完');
      if (performance.now() - started > options.budgetMs) {
        const left = pageNumbers.slice(k);
        warnings.push(`扫描页第 ${pageRange(left)} 页超出文字识别时限（${Math.round(options.budgetMs / 1000)} 秒，OGI_OCR_BUDGET_S），未识别，请人工核对`);
        break;
      }
      options.onPage?.(k + 1, pageNumbers.length, n);
      try {
        const page = await opened.doc.getPage(n);
        const drawn = await drawPage(opened.pdfjs, page, opened.doc.canvasFactory as CanvasFactory);
        page.cleanup();
        if (!drawn) continue;
        recognizer ??= await options.recognizer();
        const read = await readScannedPage(drawn.image, drawn.scale, drawn.dpi, recognizer);
        pages.set(n, read);
        if (read.pieces.length === 0) warnings.push(`扫描页第 ${n} 页未识别出文字`);
      } catch (err) {
        if (err instanceof IngestError) throw err;
        warnings.push(`扫描页第 ${n} 页无法识别：${err instanceof Error ? err.message : String(err)}`);
      }
    }
  } finally {
    await opened.destroy();
  }
  return { pages, warnings, seconds: (performance.now() - started) / 1000 };
}

function pageRange(pages: readonly number[]): string {
  return pages.length === 1 ? String(pages[0]) : `${pages[0]}–${pages[pages.length - 1]}`;
}

/** The page drawn in grey, or null when it holds no picture (a blank page is not a scan). */
async function drawPage(pdfjs: PdfJs, page: PdfPageProxy, factory: CanvasFactory): Promise<{ image: GrayImage; scale: number; dpi: number } | null> {
  const ops = await page.getOperatorList();
  let widest = 0;
  for (let i = 0; i < ops.fnArray.length; i++) {
    const fn = ops.fnArray[i];
    if (fn === pdfjs.OPS.paintImageXObject || fn === pdfjs.OPS.paintInlineImageXObject) {
      const args = ops.argsArray[i] as unknown[];
      const w = typeof args[1] === 'number' ? args[1] : ((args[0] as { width?: number } | undefined)?.width ?? 0);
      widest = Math.max(widest, w);
    }
  }
  if (widest === 0) return null;
  const base = page.getViewport({ scale: 1 });
  // Page sizes of scans are often wrong (an image at "96 dpi"): judge the paper as A4, the usual report.
  const paperInches = base.width <= base.height ? 8.27 : 11.69;
  const dpi = Math.min(MAX_DPI, Math.max(MIN_DPI, widest / paperInches));
  const width = Math.round(dpi * paperInches);
  const scale = width / base.width;
  const viewport = page.getViewport({ scale });
  const w = Math.round(viewport.width);
  const h = Math.round(viewport.height);
  const { canvas, context } = factory.create(w, h);
  try {
    context.fillStyle = '#ffffff';
    context.fillRect(0, 0, w, h);
    await page.render({ canvas: canvas as never, canvasContext: context as never, viewport } as Parameters<PdfPageProxy['render']>[0]).promise;
    const pixels = context.getImageData(0, 0, w, h);
    return { image: grayFromRgba(pixels.data, w, h), scale, dpi };
  } finally {
    factory.destroy({ canvas, context });
  }
}

interface CanvasLike {
  width: number;
  height: number;
}
interface ContextLike {
  fillStyle: string;
  fillRect(x: number, y: number, w: number, h: number): void;
  getImageData(x: number, y: number, w: number, h: number): { data: Uint8ClampedArray };
}
interface CanvasFactory {
  create(width: number, height: number): { canvas: CanvasLike; context: ContextLike };
  destroy(entry: { canvas: CanvasLike; context: ContextLike }): void;
}
