// Placeholder until the html reader lands (owned by the html ingest work); throws so nothing pretends to work.
import { IngestError, type Document } from '../document.ts';

export async function ingestHtml(_bytes: Uint8Array): Promise<Document> {
  throw new IngestError('unsupported', '暂不支持读取此格式（html）');
}
