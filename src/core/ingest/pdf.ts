// Placeholder until the pdf reader lands (owned by the pdf ingest work); throws so nothing pretends to work.
import { IngestError, type Document } from '../document.ts';

export async function ingestPdf(_bytes: Uint8Array): Promise<Document> {
  throw new IngestError('unsupported', '暂不支持读取此格式（pdf）');
}
