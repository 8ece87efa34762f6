/**
 * `ogi-audit verify`: is the database whole? The backend's own check (SQLite's integrity_check: pages,
 * indexes, constraints) and every stored original file against its SHA-256, read page by page so a large
 * database never sits in memory at once.
 */
import { sha256 } from '../hash.ts';
import type { Store } from './store.ts';

export interface VerifyResult {
  /** What the backend's check found (empty when sound). */
  integrity: string[];
  blobsChecked: number;
  /** Stored files whose bytes no longer match their hash or recorded size. */
  damagedBlobs: { sha256: string; reason: string }[];
  /** The blobs could not be read to the end (the reason); null when all were read. */
  unreadable: string | null;
}

const PAGE = 32;

export async function verifyStore(store: Store, onProgress?: (checked: number) => void): Promise<VerifyResult> {
  const result: VerifyResult = { integrity: await store.integrity(), blobsChecked: 0, damagedBlobs: [], unreadable: null };
  let after = '';
  try {
    for (;;) {
      const page = await store.files.blobPage(after, PAGE);
      if (page.length === 0) break;
      for (const blob of page) {
        const actual = sha256(blob.bytes);
        if (actual !== blob.sha256) result.damagedBlobs.push({ sha256: blob.sha256, reason: `内容的 SHA-256 为 ${actual.slice(0, 12)}…，与保存时不符` });
        else if (blob.bytes.byteLength !== Number(blob.size)) result.damagedBlobs.push({ sha256: blob.sha256, reason: `长度 ${blob.bytes.byteLength} 字节，保存时为 ${blob.size} 字节` });
        result.blobsChecked++;
      }
      after = page[page.length - 1]!.sha256;
      onProgress?.(result.blobsChecked);
    }
  } catch (err) {
    result.unreadable = (err as Error).message;
  }
  return result;
}

export function isSound(result: VerifyResult): boolean {
  return result.integrity.length === 0 && result.damagedBlobs.length === 0 && result.unreadable === null;
}
