/**
 * Loading pdf.js once per process and opening a PDF with the options CJK reports need.
 * Kept apart so pdf.ts deals only with layout, and so the (large) pdf.js module is imported lazily.
 */
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { IngestError } from '../document.ts';
import { createPortPair, type InProcessPort } from './pdf-port.ts';

type PdfJs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');
type PdfWorker = InstanceType<PdfJs['PDFWorker']>;
type PdfParams = NonNullable<Parameters<PdfJs['getDocument']>[0]>;
export type PdfDocumentProxy = Awaited<ReturnType<PdfJs['getDocument']>['promise']>;
export type PdfPageProxy = Awaited<ReturnType<PdfDocumentProxy['getPage']>>;

let pdfjsPromise: Promise<PdfJs> | undefined;
let workerPromise: Promise<PdfWorker> | undefined;
let parsingSidePort: InProcessPort | undefined;
let assetUrls: { cMapUrl: string; standardFontDataUrl: string } | undefined;

/** The pdf.js module, imported on first use and shared afterwards. */
export function loadPdfJs(): Promise<PdfJs> {
  // In Node pdf.js's parsing ("worker") code runs in this thread; see inProcessWorker.
  installBase64Encoder();
  preferJsInflate();
  pdfjsPromise ??= import('pdfjs-dist/legacy/build/pdf.mjs');
  return pdfjsPromise;
}

/** Loads pdf.js and sets up its parsing side, ahead of the first file (worker start-up). */
export async function preparePdfReader(): Promise<void> {
  await inProcessWorker(await loadPdfJs());
}

/**
 * pdf.js's parsing side, in this thread, behind our own port pair (see pdf-port.ts), set up once and shared
 * by every document (each gets its own handlers on it, removed when the document is destroyed).
 */
function inProcessWorker(pdfjs: PdfJs): Promise<PdfWorker> {
  workerPromise ??= (async () => {
    const { WorkerMessageHandler } = await import('pdfjs-dist/legacy/build/pdf.worker.mjs');
    const [apiPort, workerPort] = createPortPair();
    WorkerMessageHandler.initializeFromPort(workerPort);
    parsingSidePort = workerPort;
    const port = apiPort as unknown as NonNullable<ConstructorParameters<PdfJs['PDFWorker']>[0]>['port'];
    return new pdfjs.PDFWorker({ port, verbosity: pdfjs.VerbosityLevel.ERRORS });
  })();
  workerPromise.catch(() => (workerPromise = undefined));
  return workerPromise;
}

/**
 * Message handlers on pdf.js's parsing side: one for the set-up plus one per open document (tests check a
 * document's goes again when it is closed, so a long import does not pile them up).
 */
export function pdfMessageHandlerCount(): number {
  return parsingSidePort?.listenerCount ?? 0;
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

/**
 * We never draw a page, so pdf.js need not turn glyphs into outlines. With `disableFontFace` it would
 * (it builds a path for every glyph shown on a page whose operators we read for table borders); without
 * it, it hands each font to the document as a CSS @font-face rule instead. This stand-in document takes
 * those rules and drops them: all pdf.js asks of a document when it does not render (FontLoader:
 * createElement('style'), head.append, sheet.insertRule).
 */
function fontSinkDocument(): object {
  const sheet = { cssRules: { length: 0 }, insertRule: (): number => 0 };
  const style = { sheet, remove: (): void => undefined };
  const head = { append: (): void => undefined };
  return { createElement: () => style, documentElement: { getElementsByTagName: () => [head] } };
}

/**
 * The @font-face rule carries the font as base64 (Uint8Array#toBase64, ES2026). Node 22 lacks it and the
 * polyfill bundled in pdf.js's legacy build encodes byte by byte in JS (4 s for the 100 bench PDFs), so
 * before pdf.js loads we put in one backed by Buffer. Electron (Node 24) has the native method.
 */
function installBase64Encoder(): void {
  const proto = Uint8Array.prototype as Uint8Array & { toBase64?: unknown };
  if (typeof proto.toBase64 === 'function') return;
  Object.defineProperty(proto, 'toBase64', {
    configurable: true,
    writable: true,
    value: function toBase64(this: Uint8Array, options?: { alphabet?: string; omitPadding?: boolean }): string {
      if (options !== undefined && (options === null || typeof options !== 'object')) throw new TypeError('toBase64: options must be an object');
      const alphabet = options?.alphabet ?? 'base64';
      if (alphabet !== 'base64' && alphabet !== 'base64url') throw new TypeError('toBase64: unknown alphabet');
      const encoded = Buffer.from(this.buffer, this.byteOffset, this.byteLength).toString('base64');
      const text = alphabet === 'base64url' ? encoded.replace(/\+/g, '-').replace(/\//g, '_') : encoded;
      return options?.omitPadding ? text.replace(/(?<!=)=+$/, '') : text;
    },
  });
}

/**
 * pdf.js inflates content streams and fonts through DecompressionStream when the platform has one, and with
 * its own JavaScript inflate otherwise. In Node the former is a web stream over zlib whose fixed cost per
 * stream outweighs the faster inflate on the small streams of a report: without it the 100 bench PDFs read
 * in 5.7 s instead of 7.1 s, the real WPS reports of the corpus 25 % faster. pdf.js is the only user of the
 * class in this app, so it is removed from the thread that loads pdf.js.
 */
function preferJsInflate(): void {
  const scope = globalThis as { DecompressionStream?: unknown };
  if ('DecompressionStream' in scope) delete scope.DecompressionStream;
}

export interface OpenedPdf {
  pdfjs: PdfJs;
  doc: PdfDocumentProxy;
  /** Always call when done (frees the worker-side document). */
  destroy: () => Promise<void>;
}

/**
 * Opens `bytes` (copied: pdf.js takes its input over, the caller keeps its own) or throws IngestError encrypted / damaged.
 * `withImages` decodes pictures, for drawing scanned pages to read them by OCR.
 */
export async function openPdf(bytes: Uint8Array, withImages = false): Promise<OpenedPdf> {
  const pdfjs = await loadPdfJs();
  const worker = await inProcessWorker(pdfjs);
  const urls = pdfAssetUrls();
  // pdf.js 6 dropped `isEvalSupported` (it no longer compiles fonts with eval); still passed so an older
  // build never evaluates code from a submitted file.
  const params: PdfParams & { isEvalSupported: boolean } = {
    data: new Uint8Array(bytes),
    cMapUrl: urls.cMapUrl,
    cMapPacked: true,
    standardFontDataUrl: urls.standardFontDataUrl,
    isEvalSupported: false,
    // Pictures (seals, logos, scanned signatures) are never read; without a limit pdf.js decodes every one
    // on a page whose operators we read for table borders.
    maxImageSize: withImages ? -1 : 1,
    disableFontFace: false,
    // Only the four members above are ever used (pdf.js's FontLoader when it does not render).
    ownerDocument: fontSinkDocument() as unknown as PdfParams['ownerDocument'],
    useSystemFonts: false,
    worker,
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
