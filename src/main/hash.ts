/** The content address of a file: its sha256 as lowercase hex (store keys, exports, the audit sheet). */
import { createHash } from 'node:crypto';

export function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}
