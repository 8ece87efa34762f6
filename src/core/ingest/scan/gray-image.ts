/**
 * 8-bit grey page images for OCR: the few operations the scan reader needs (crop, rotate, threshold,
 * PNG encoding of small crops), on plain typed arrays so they run the same in any thread.
 */
import { deflateSync } from 'node:zlib';

export interface GrayImage {
  width: number;
  height: number;
  /** Row-major, 0 = black, 255 = white. */
  data: Uint8Array;
}

/** RGBA (canvas pixels) → grey, by the usual luma weights; transparent pixels count as white paper. */
export function grayFromRgba(rgba: Uint8Array | Uint8ClampedArray, width: number, height: number): GrayImage {
  const data = new Uint8Array(width * height);
  for (let i = 0, p = 0; p < data.length; p++, i += 4) {
    const alpha = rgba[i + 3]!;
    const luma = (rgba[i]! * 77 + rgba[i + 1]! * 150 + rgba[i + 2]! * 29) >> 8;
    data[p] = alpha === 255 ? luma : 255 - (((255 - luma) * alpha) >> 8);
  }
  return { width, height, data };
}

export function crop(image: GrayImage, x0: number, y0: number, x1: number, y1: number): GrayImage {
  const left = Math.max(0, Math.floor(x0));
  const top = Math.max(0, Math.floor(y0));
  const right = Math.min(image.width, Math.ceil(x1));
  const bottom = Math.min(image.height, Math.ceil(y1));
  const width = Math.max(0, right - left);
  const height = Math.max(0, bottom - top);
  const data = new Uint8Array(width * height);
  for (let y = 0; y < height; y++) {
    const from = (top + y) * image.width + left;
    data.set(image.data.subarray(from, from + width), y * width);
  }
  return { width, height, data };
}

/** Rotates by `degrees` (counter-clockwise positive) about the centre, bilinear, same size, `fill` (white) outside. */
export function rotate(image: GrayImage, degrees: number, fill = 255): GrayImage {
  if (degrees === 0) return image;
  const { width, height, data } = image;
  const out = new Uint8Array(width * height).fill(fill);
  const rad = (degrees * Math.PI) / 180;
  const cos = Math.cos(rad);
  const sin = Math.sin(rad);
  const cx = width / 2;
  const cy = height / 2;
  for (let y = 0; y < height; y++) {
    const dy = y - cy;
    // Source position of (x, y): rotate the destination back.
    let sx = -cx * cos + dy * sin + cx;
    let sy = cx * sin + dy * cos + cy;
    for (let x = 0; x < width; x++, sx += cos, sy -= sin) {
      const x0 = Math.floor(sx);
      const y0 = Math.floor(sy);
      if (x0 < 0 || y0 < 0 || x0 + 1 >= width || y0 + 1 >= height) continue;
      const fx = sx - x0;
      const fy = sy - y0;
      const i = y0 * width + x0;
      const top = data[i]! + (data[i + 1]! - data[i]!) * fx;
      const bottom = data[i + width]! + (data[i + width + 1]! - data[i + width]!) * fx;
      out[y * width + x] = top + (bottom - top) * fy;
    }
  }
  return { width, height, data: out };
}

/** Otsu's threshold over the histogram: the grey level that best separates ink from paper. */
export function otsuThreshold(image: GrayImage): number {
  const hist = new Float64Array(256);
  for (let i = 0; i < image.data.length; i++) hist[image.data[i]!]!++;
  const total = image.data.length;
  let sum = 0;
  for (let t = 0; t < 256; t++) sum += t * hist[t]!;
  let sumB = 0;
  let weightB = 0;
  let best = 0;
  let threshold = 128;
  for (let t = 0; t < 256; t++) {
    weightB += hist[t]!;
    if (weightB === 0) continue;
    const weightF = total - weightB;
    if (weightF === 0) break;
    sumB += t * hist[t]!;
    const meanB = sumB / weightB;
    const meanF = (sum - sumB) / weightF;
    const between = weightB * weightF * (meanB - meanF) ** 2;
    if (between > best) {
      best = between;
      threshold = t;
    }
  }
  return threshold;
}

/** 1 where the pixel is ink (darker than `threshold`), else 0. */
export function binarize(image: GrayImage, threshold: number): Uint8Array {
  const out = new Uint8Array(image.data.length);
  for (let i = 0; i < out.length; i++) out[i] = image.data[i]! < threshold ? 1 : 0;
  return out;
}

const CRC_TABLE = (() => {
  const table = new Int32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c;
  }
  return table;
})();

function crc32(bytes: Uint8Array): number {
  let c = -1;
  for (let i = 0; i < bytes.length; i++) c = CRC_TABLE[(c ^ bytes[i]!) & 0xff]! ^ (c >>> 8);
  return (c ^ -1) >>> 0;
}

function chunk(type: string, body: Uint8Array): Uint8Array {
  const out = new Uint8Array(12 + body.length);
  const view = new DataView(out.buffer);
  view.setUint32(0, body.length);
  for (let i = 0; i < 4; i++) out[4 + i] = type.charCodeAt(i);
  out.set(body, 8);
  view.setUint32(8 + body.length, crc32(out.subarray(4, 8 + body.length)));
  return out;
}

/**
 * A grey image as a small PNG data URL (the picture of a cell or line shown next to an OCR'd value).
 * Grey levels are cut to 16 (4 bits per pixel): enough to read, a third of the bytes.
 */
export function toPngDataUrl(image: GrayImage): string {
  const { width, height, data } = image;
  const stride = Math.ceil(width / 2);
  const raw = new Uint8Array((stride + 1) * height);
  for (let y = 0; y < height; y++) {
    const row = y * (stride + 1);
    for (let x = 0; x < width; x++) {
      const nibble = data[y * width + x]! >> 4;
      raw[row + 1 + (x >> 1)]! |= x & 1 ? nibble : nibble << 4;
    }
  }
  const header = new Uint8Array(13);
  const view = new DataView(header.buffer);
  view.setUint32(0, width);
  view.setUint32(4, height);
  header[8] = 4; // bit depth
  header[9] = 0; // greyscale
  const signature = Uint8Array.from([137, 80, 78, 71, 13, 10, 26, 10]);
  const parts = [signature, chunk('IHDR', header), chunk('IDAT', deflateSync(raw, { level: 9 })), chunk('IEND', new Uint8Array(0))];
  return `data:image/png;base64,${Buffer.concat(parts).toString('base64')}`;
}

/**
 * Ink where a pixel is clearly darker than the paper around it (mean of a square of `radius` pixels):
 * scans have uneven paper and faint rules that no single threshold separates from the background.
 */
export function binarizeAdaptive(image: GrayImage, radius: number, contrast: number): Uint8Array {
  const { width, height, data } = image;
  const stride = width + 1;
  const integral = new Float64Array(stride * (height + 1));
  for (let y = 0; y < height; y++) {
    let row = 0;
    for (let x = 0; x < width; x++) {
      row += data[y * width + x]!;
      integral[(y + 1) * stride + x + 1] = integral[y * stride + x + 1]! + row;
    }
  }
  const out = new Uint8Array(width * height);
  for (let y = 0; y < height; y++) {
    const y0 = Math.max(0, y - radius);
    const y1 = Math.min(height, y + radius + 1);
    for (let x = 0; x < width; x++) {
      const x0 = Math.max(0, x - radius);
      const x1 = Math.min(width, x + radius + 1);
      const sum = integral[y1 * stride + x1]! - integral[y0 * stride + x1]! - integral[y1 * stride + x0]! + integral[y0 * stride + x0]!;
      const mean = sum / ((x1 - x0) * (y1 - y0));
      out[y * width + x] = data[y * width + x]! < mean - contrast ? 1 : 0;
    }
  }
  return out;
}

/** Each pixel averaged with its neighbours along one direction: grain fades, long straight lines stay dark. */
export function smoothAlong(image: GrayImage, horizontal: boolean, radius: number): GrayImage {
  const { width, height, data } = image;
  const out = new Uint8Array(data.length);
  const lines = horizontal ? height : width;
  const length = horizontal ? width : height;
  const step = horizontal ? 1 : width;
  for (let line = 0; line < lines; line++) {
    const base = horizontal ? line * width : line;
    let sum = 0;
    let count = 0;
    for (let k = 0; k < Math.min(radius, length); k++) {
      sum += data[base + k * step]!;
      count++;
    }
    for (let k = 0; k < length; k++) {
      const add = k + radius;
      const drop = k - radius - 1;
      if (add < length) {
        sum += data[base + add * step]!;
        count++;
      }
      if (drop >= 0) {
        sum -= data[base + drop * step]!;
        count--;
      }
      out[base + k * step] = sum / count;
    }
  }
  return { width, height, data: out };
}
