/**
 * Reading one report file, safe against the file changing after the folder was scanned: it is opened
 * first (non-blocking, so a FIFO put in its place cannot hang the open), then checked on the open handle
 * (a regular file, within the size limit), and at most the limit is read (a file that grows meanwhile,
 * or a link to /dev/zero, can never fill memory). A name that is not UTF-8 is opened by its bytes (walk.ts).
 */
import fs from 'node:fs';
import { tooLargeReason } from './settings.ts';
import { accessReason, fsPath } from './walk.ts';

export class FileReadRefused extends Error {
  readonly code: 'too-large' | 'not-regular' | 'unreadable';
  readonly size: number;
  constructor(message: string, code: FileReadRefused['code'], size = 0) {
    super(message);
    this.code = code;
    this.size = size;
  }
}

const CHUNK = 1 << 20;

export async function readFileWithin(file: string, maxBytes: number): Promise<Uint8Array> {
  let handle: fs.promises.FileHandle;
  try {
    handle = await fs.promises.open(fsPath(file), fs.constants.O_RDONLY | fs.constants.O_NONBLOCK);
  } catch (err) {
    throw new FileReadRefused(`无法读取文件：${accessReason(err)}`, 'unreadable');
  }
  try {
    const stat = await handle.stat();
    if (!stat.isFile()) throw new FileReadRefused('不是普通文件（管道、设备或套接字，可能在扫描文件夹后被替换），已拒绝读取', 'not-regular');
    if (stat.size > maxBytes) throw new FileReadRefused(tooLargeReason(stat.size, maxBytes), 'too-large', stat.size);
    // One byte past the limit tells a file that grew after fstat from one that is exactly at the limit.
    const buffer = Buffer.allocUnsafe(Math.min(stat.size, maxBytes) + 1);
    let filled = 0;
    for (;;) {
      if (filled === buffer.length) {
        if (filled > maxBytes) throw new FileReadRefused(tooLargeReason(filled, maxBytes), 'too-large', filled);
        break;
      }
      const { bytesRead } = await handle.read(buffer, filled, Math.min(CHUNK, buffer.length - filled), filled);
      if (bytesRead === 0) break;
      filled += bytesRead;
    }
    if (filled === buffer.length && filled <= maxBytes) {
      // The file grew after fstat but stays within the limit: read the rest, up to the limit.
      return readRest(handle, buffer, filled, maxBytes);
    }
    return new Uint8Array(buffer.buffer, buffer.byteOffset, filled);
  } catch (err) {
    if (err instanceof FileReadRefused) throw err;
    throw new FileReadRefused(`无法读取文件：${accessReason(err)}`, 'unreadable');
  } finally {
    await handle.close().catch(() => undefined);
  }
}

async function readRest(handle: fs.promises.FileHandle, start: Buffer, filled: number, maxBytes: number): Promise<Uint8Array> {
  const buffer = Buffer.allocUnsafe(maxBytes + 1);
  start.copy(buffer, 0, 0, filled);
  while (filled < buffer.length) {
    const { bytesRead } = await handle.read(buffer, filled, Math.min(CHUNK, buffer.length - filled), filled);
    if (bytesRead === 0) break;
    filled += bytesRead;
  }
  if (filled > maxBytes) throw new FileReadRefused(tooLargeReason(filled, maxBytes), 'too-large', filled);
  return new Uint8Array(buffer.buffer, buffer.byteOffset, filled);
}
