// Placeholder until the doc reader lands (owned by the doc ingest work); throws so nothing pretends to work.
import { IngestError, type Document } from '../document.ts';

export async function ingestDoc(_bytes: Uint8Array): Promise<Document> {
  throw new IngestError('unsupported', '暂不支持读取此格式（doc）');
}
