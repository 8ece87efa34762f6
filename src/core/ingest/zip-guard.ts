/**
 * Open a .docx (a zip) defensively. Before anything is inflated, the central directory is read
 * directly from the bytes and checked against limits (entry count, total declared size, per-entry
 * compression ratio). Then every read inflates in chunks and stops as soon as an entry produces more
 * than it declared, so a zip whose headers lie cannot exhaust memory either.
 */
import JSZip from 'jszip';
import { IngestError } from '../document.ts';

export interface ZipLimits {
  maxEntries: number;
  maxTotalUncompressed: number;
  /** Largest uncompressed/compressed ratio accepted for one entry of at least `ratioFloorBytes`. */
  maxRatio: number;
  ratioFloorBytes: number;
}

export const DOCX_ZIP_LIMITS: ZipLimits = {
  maxEntries: 2000,
  maxTotalUncompressed: 200 * 1024 * 1024,
  maxRatio: 200,
  // Tiny entries (a 2 KB rels file of repeated tags) can compress very well without harm.
  ratioFloorBytes: 1024 * 1024,
};

export interface ZipEntryInfo {
  name: string;
  compressedSize: number;
  uncompressedSize: number;
}

const EOCD_SIGNATURE = 0x06054b50;
const ZIP64_LOCATOR_SIGNATURE = 0x07064b50;
const ZIP64_EOCD_SIGNATURE = 0x06064b50;
const CENTRAL_SIGNATURE = 0x02014b50;

function damaged(reason: string): IngestError {
  return new IngestError('damaged', `文件已损坏或不完整，无法作为 Word 文档（.docx）读取：${reason}`);
}

/** Read the central directory (names and declared sizes) without inflating anything. */
export function readZipDirectory(bytes: Uint8Array): ZipEntryInfo[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const u16 = (at: number): number => view.getUint16(at, true);
  const u32 = (at: number): number => view.getUint32(at, true);
  const u64 = (at: number): number => Number(view.getBigUint64(at, true));
  // End of central directory: 22 bytes plus a comment of up to 65535 bytes at the very end.
  let eocd = -1;
  for (let at = bytes.length - 22; at >= Math.max(0, bytes.length - 22 - 65535); at--) {
    if (u32(at) === EOCD_SIGNATURE) {
      eocd = at;
      break;
    }
  }
  if (eocd < 0) throw damaged('找不到压缩包目录（文件可能被截断）');
  let entryCount = u16(eocd + 10);
  let directorySize = u32(eocd + 12);
  let directoryOffset = u32(eocd + 16);
  const locator = eocd - 20;
  if (locator >= 0 && u32(locator) === ZIP64_LOCATOR_SIGNATURE) {
    const zip64 = u64(locator + 8);
    if (zip64 + 56 > bytes.length || u32(zip64) !== ZIP64_EOCD_SIGNATURE) throw damaged('ZIP64 目录记录无效');
    entryCount = u64(zip64 + 32);
    directorySize = u64(zip64 + 40);
    directoryOffset = u64(zip64 + 48);
  }
  if (directoryOffset + directorySize > bytes.length) throw damaged('压缩包目录超出文件末尾（文件可能被截断）');
  const entries: ZipEntryInfo[] = [];
  let at = directoryOffset;
  const end = directoryOffset + directorySize;
  while (at + 46 <= end && entries.length <= entryCount) {
    if (u32(at) !== CENTRAL_SIGNATURE) throw damaged('压缩包目录记录无效');
    let compressedSize = u32(at + 20);
    let uncompressedSize = u32(at + 24);
    const nameLength = u16(at + 28);
    const extraLength = u16(at + 30);
    const commentLength = u16(at + 32);
    if (at + 46 + nameLength + extraLength > bytes.length) throw damaged('压缩包目录记录超出文件末尾');
    const name = new TextDecoder('utf-8').decode(bytes.subarray(at + 46, at + 46 + nameLength));
    // ZIP64 extra field: the 64-bit sizes replace the ones saturated at 0xFFFFFFFF, in this order.
    let extra = at + 46 + nameLength;
    const extraEnd = extra + extraLength;
    while (extra + 4 <= extraEnd) {
      const id = u16(extra);
      const size = u16(extra + 2);
      if (id === 0x0001) {
        let field = extra + 4;
        if (uncompressedSize === 0xffffffff && field + 8 <= extraEnd) {
          uncompressedSize = u64(field);
          field += 8;
        }
        if (compressedSize === 0xffffffff && field + 8 <= extraEnd) compressedSize = u64(field);
      }
      extra += 4 + size;
    }
    entries.push({ name, compressedSize, uncompressedSize });
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/** Throw IngestError 'zip-bomb' when the declared directory breaks a limit. */
export function checkZipLimits(entries: ZipEntryInfo[], limits: ZipLimits): void {
  const bomb = (reason: string): IngestError => new IngestError('zip-bomb', `压缩包异常，疑似“压缩炸弹”，已拒绝读取：${reason}`);
  if (entries.length > limits.maxEntries) throw bomb(`包含 ${entries.length} 个文件，超过上限 ${limits.maxEntries}`);
  let total = 0;
  for (const entry of entries) {
    total += entry.uncompressedSize;
    if (total > limits.maxTotalUncompressed) {
      throw bomb(`解压后总大小超过 ${Math.round(limits.maxTotalUncompressed / 1024 / 1024)} MB`);
    }
    if (entry.uncompressedSize >= limits.ratioFloorBytes) {
      const ratio = entry.uncompressedSize / Math.max(1, entry.compressedSize);
      if (ratio > limits.maxRatio) throw bomb(`“${entry.name}”的压缩比为 ${Math.round(ratio)}:1，超过上限 ${limits.maxRatio}:1`);
    }
  }
}

/** jszip's chunked reader (present on every JSZipObject, missing from its typings). */
interface ChunkStream {
  on(event: 'data', callback: (chunk: Uint8Array) => void): ChunkStream;
  on(event: 'end', callback: () => void): ChunkStream;
  on(event: 'error', callback: (error: Error) => void): ChunkStream;
  resume(): ChunkStream;
  pause(): ChunkStream;
}

/** The zip-file object mammoth accepts as `{ file }` (see mammoth/lib/unzip.js). */
export interface GuardedZip {
  exists(name: string): boolean;
  read(name: string, encoding?: string): Promise<Uint8Array | string>;
  write(name: string, contents: string): void;
  toArrayBuffer(): Promise<ArrayBuffer>;
}

/**
 * Open a zip whose directory already passed `checkZipLimits`. Reads never inflate more than an
 * entry declared, nor more than the total limit over all reads.
 */
export async function openGuardedZip(bytes: Uint8Array, entries: ZipEntryInfo[], limits: ZipLimits): Promise<GuardedZip> {
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(bytes);
  } catch (error) {
    throw damaged(error instanceof Error ? error.message : String(error));
  }
  const declared = new Map(entries.map((entry) => [entry.name, entry.uncompressedSize]));
  let inflatedTotal = 0;

  const readBytes = (name: string): Promise<Uint8Array> => {
    const file = zip.file(name);
    if (!file) return Promise.reject(damaged(`缺少“${name}”`));
    const cap = declared.get(name) ?? 0;
    return new Promise<Uint8Array>((resolve, reject) => {
      const chunks: Uint8Array[] = [];
      let size = 0;
      let failed = false;
      const stream = (file as unknown as { internalStream(type: 'uint8array'): ChunkStream }).internalStream('uint8array');
      stream
        .on('data', (chunk) => {
          if (failed) return;
          size += chunk.length;
          inflatedTotal += chunk.length;
          if (size > cap || inflatedTotal > limits.maxTotalUncompressed) {
            failed = true;
            stream.pause();
            reject(new IngestError('zip-bomb', `压缩包异常，疑似“压缩炸弹”，已拒绝读取：“${name}”解压后的大小超过其声明的 ${cap} 字节`));
            return;
          }
          chunks.push(chunk);
        })
        .on('error', (error) => {
          if (failed) return;
          failed = true;
          reject(damaged(`“${name}”无法解压（${error.message}）`));
        })
        .on('end', () => {
          if (failed) return;
          const out = new Uint8Array(size);
          let at = 0;
          for (const chunk of chunks) {
            out.set(chunk, at);
            at += chunk.length;
          }
          resolve(out);
        })
        .resume();
    });
  };

  return {
    exists: (name) => zip.file(name) !== null,
    read: async (name, encoding) => {
      const data = await readBytes(name);
      if (encoding === 'base64') return Buffer.from(data).toString('base64');
      if (encoding) return new TextDecoder(encoding).decode(data);
      return data;
    },
    write: (name, contents) => {
      zip.file(name, contents);
    },
    toArrayBuffer: () => zip.generateAsync({ type: 'arraybuffer' }),
  };
}
