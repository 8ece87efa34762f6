/**
 * bytes → Document for every supported format. The only entry point parse and the importers use.
 */
import { IngestError, type Document } from '../document.ts';
import { detectFormat } from './detect.ts';
import { ingestText } from './text.ts';
import { ingestDocx } from './docx.ts';
import { ingestPdf } from './pdf.ts';
import { ingestHtml } from './html.ts';
import { ingestDoc } from './doc.ts';

export async function ingest(fileName: string, bytes: Uint8Array): Promise<Document> {
  const detected = detectFormat(fileName, bytes);
  if (detected.kind === 'unsupported') throw new IngestError(bytes.length === 0 ? 'empty' : 'unsupported', detected.reason);
  switch (detected.format) {
    case 'txt':
      return ingestText(bytes);
    case 'docx':
      return ingestDocx(bytes);
    case 'pdf':
      return ingestPdf(bytes);
    case 'html':
      return ingestHtml(bytes);
    case 'doc':
      return ingestDoc(bytes);
  }
}
