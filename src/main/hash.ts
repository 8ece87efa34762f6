/** The content address of a file: its sha256 as lowercase hex (store keys, exports, the audit sheet). */
import { createHash } from 'node:crypto';
import { setImmediate as nextTurn } from 'node:timers/promises';

export function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

const SLICE_BYTES = 4 * 1024 * 1024;

/** The same hash, letting the event loop run between 4 MB slices (a 100 MB file must not hold up the UI's requests). */
export async function sha256Yielding(bytes: Uint8Array): Promise<string> {
  const hash = createHash('sha256');
  for (let start = 0; start < bytes.byteLength; start += SLICE_BYTES) {
    if (start > 0) await nextTurn();
    hash.update(bytes.subarray(start, start + SLICE_BYTES));
  }
  return hash.digest('hex');
}
