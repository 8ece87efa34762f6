/**
 * bytes → Document for every supported format. The only entry point parse and the importers use.
 * Each reader (and the library behind it: pdf.js, mammoth, word-extractor) is loaded when the first file of
 * its kind arrives, so a thread that reads only .txt files never loads them.
 */
import { IngestError, type Document } from '../document.ts';
import { detectFormat } from './detect.ts';
import { ingestText } from './text.ts';
import type { OcrOptions } from './pdf-scan.ts';

export interface IngestOptions {
  /** OCR for scanned PDF pages; without it scanned files are refused with a message. */
  ocr?: OcrOptions;
}

export async function ingest(fileName: string, bytes: Uint8Array, options: IngestOptions = {}): Promise<Document> {
  const detected = detectFormat(fileName, bytes);
  if (detected.kind === 'unsupported') throw new IngestError(bytes.length === 0 ? 'empty' : 'unsupported', detected.reason);
  switch (detected.format) {
    case 'txt':
      return ingestText(bytes);
    case 'docx':
      return (await import('./docx.ts')).ingestDocx(bytes);
    case 'pdf':
      return (await import('./pdf.ts')).ingestPdf(bytes, options.ocr ? { ocr: options.ocr } : {});
    case 'html':
      return (await import('./html.ts')).ingestHtml(bytes);
    case 'doc':
      return (await import('./doc.ts')).ingestDoc(bytes);
  }
}

/**
 * Load every reader ahead of the first file (the app's workers at start-up, so its first import does not
 * wait for them; pdf.js alone takes ~0.3 s). A one-off CLI run skips this and loads only what its files need.
 */
export async function loadAllReaders(): Promise<void> {
  const [pdfLoad] = await Promise.all([import('./pdf-load.ts'), import('./docx.ts'), import('./pdf.ts'), import('./html.ts'), import('./doc.ts')]);
  await pdfLoad.preparePdfReader();
}
