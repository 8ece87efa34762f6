/**
 * Loading pdf.js once per process and opening a PDF with the options CJK reports need.
 * Kept apart so pdf.ts deals only with layout, and so the (large) pdf.js module is imported lazily.
 */
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { IngestError } from '../document.ts';

type PdfJs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');
export type PdfDocumentProxy = Awaited<ReturnType<PdfJs['getDocument']>['promise']>;
export type PdfPageProxy = Awaited<ReturnType<PdfDocumentProxy['getPage']>>;

let pdfjsPromise: Promise<PdfJs> | undefined;
let assetUrls: { cMapUrl: string; standardFontDataUrl: string } | undefined;

/** The pdf.js module, imported on first use and shared afterwards. */
export function loadPdfJs(): Promise<PdfJs> {
  // In Node pdf.js runs its worker code in-process ("fake worker"); nothing to configure.
  pdfjsPromise ??= import('pdfjs-dist/legacy/build/pdf.mjs');
  return pdfjsPromise;
}

/** cMaps and standard fonts inside the installed package; without cMaps Chinese text is silently dropped. */
function pdfAssetUrls(): { cMapUrl: string; standardFontDataUrl: string } {
  if (!assetUrls) {
    const pkgJson = createRequire(import.meta.url).resolve('pdfjs-dist/package.json');
    const root = path.dirname(pkgJson);
    assetUrls = {
      cMapUrl: pathToFileURL(path.join(root, 'cmaps') + path.sep).href,
      standardFontDataUrl: pathToFileURL(path.join(root, 'standard_fonts') + path.sep).href,
    };
  }
  return assetUrls;
}

export interface OpenedPdf {
  pdfjs: PdfJs;
  doc: PdfDocumentProxy;
  /** Always call when done (frees the worker-side document). */
  destroy: () => Promise<void>;
}

/** Opens `bytes` (copied: pdf.js detaches its input) or throws IngestError encrypted / damaged. */
export async function openPdf(bytes: Uint8Array): Promise<OpenedPdf> {
  const pdfjs = await loadPdfJs();
  const urls = pdfAssetUrls();
  // pdf.js 6 dropped `isEvalSupported` (it no longer compiles fonts with eval); still passed so an older
  // build never evaluates code from a submitted file.
  const params: Parameters<PdfJs['getDocument']>[0] & { isEvalSupported: boolean } = {
    data: new Uint8Array(bytes),
    cMapUrl: urls.cMapUrl,
    cMapPacked: true,
    standardFontDataUrl: urls.standardFontDataUrl,
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    verbosity: pdfjs.VerbosityLevel.ERRORS,
  };
  const task = pdfjs.getDocument(params);
  try {
    const doc = await task.promise;
    return { pdfjs, doc, destroy: () => task.destroy() };
  } catch (err) {
    await task.destroy().catch(() => undefined);
    throw toIngestError(err);
  }
}

/** Maps a pdf.js failure to the reason shown to the reviewer. */
export function toIngestError(err: unknown): IngestError {
  if (err instanceof IngestError) return err;
  const name = err instanceof Error ? err.name : '';
  const message = err instanceof Error ? err.message : String(err);
  if (name === 'PasswordException') return new IngestError('encrypted', 'PDF 文件已加密，无法读取');
  return new IngestError('damaged', `PDF 文件已损坏，无法读取（${message}）`);
}
