/**
 * Scans made from text PDFs, for testing OCR on pages other than the two scanned fixtures: a page drawn
 * by pdf.js at a scanner's resolution, turned by a small angle and sprinkled with noise (seeded, so a
 * failure can be reproduced). `npm exec -- node --import tsx scripts/make-scan.ts` writes such pages as PNG.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { rotate, type GrayImage } from '../../../src/core/ingest/scan/gray-image.ts';

export interface FakeScan {
  image: GrayImage;
  /** Pixels per PDF point. */
  scale: number;
  dpi: number;
}

export async function drawPdfPage(file: string, pageNumber: number, dpi: number): Promise<FakeScan> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const root = path.dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));
  const task = pdfjs.getDocument({
    data: new Uint8Array(readFileSync(file)),
    cMapUrl: pathToFileURL(path.join(root, 'cmaps') + path.sep).href,
    cMapPacked: true,
    standardFontDataUrl: pathToFileURL(path.join(root, 'standard_fonts') + path.sep).href,
    verbosity: 0,
  });
  const doc = await task.promise;
  try {
    const page = await doc.getPage(pageNumber);
    const scale = dpi / 72;
    const viewport = page.getViewport({ scale });
    const factory = doc.canvasFactory as { create(w: number, h: number): { canvas: unknown; context: CanvasContext } };
    const { canvas, context } = factory.create(Math.round(viewport.width), Math.round(viewport.height));
    context.fillStyle = '#ffffff';
    context.fillRect(0, 0, Math.round(viewport.width), Math.round(viewport.height));
    await page.render({ canvas, canvasContext: context, viewport } as never).promise;
    const { data, width, height } = context.getImageData(0, 0, Math.round(viewport.width), Math.round(viewport.height));
    const gray = new Uint8Array(width * height);
    for (let i = 0; i < gray.length; i++) gray[i] = (data[i * 4]! * 77 + data[i * 4 + 1]! * 150 + data[i * 4 + 2]! * 29) >> 8;
    return { image: { width, height, data: gray }, scale, dpi };
  } finally {
    await task.destroy();
  }
}

interface CanvasContext {
  fillStyle: string;
  fillRect(x: number, y: number, w: number, h: number): void;
  getImageData(x: number, y: number, w: number, h: number): { data: Uint8ClampedArray; width: number; height: number };
}

/** A small deterministic generator (mulberry32), so the noise is the same on every run. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The page as a scanner gives it: turned by `angle` degrees, greyish paper, grain of ± `noise` levels, some specks. */
export function degrade(scan: FakeScan, options: { angle: number; noise: number; seed: number }): FakeScan {
  const next = random(options.seed);
  const turned = rotate(scan.image, options.angle);
  const data = new Uint8Array(turned.data.length);
  for (let i = 0; i < data.length; i++) {
    const grain = (next() + next() + next() - 1.5) * 2 * options.noise;
    const speck = next() < 0.0005 ? -160 : 0;
    data[i] = Math.max(0, Math.min(255, turned.data[i]! * 0.92 + 8 + grain + speck));
  }
  return { ...scan, image: { width: turned.width, height: turned.height, data } };
}
