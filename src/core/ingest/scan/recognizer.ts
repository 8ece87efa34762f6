/**
 * What the scan reader needs from an OCR engine: read short images of one line of text each. The engine
 * itself (ONNX runtime, native) lives in src/main/ocr and is handed in, so core stays free of native code.
 */
import type { GrayImage } from './gray-image.ts';

export interface RecognisedText {
  text: string;
  /** 0…1: the lowest per-character probability (1 for an image read as empty with certainty). */
  confidence: number;
  /**
   * The same image read as digits only (look-alikes such as O, o, 〇, l, I counted with their digit), for
   * table cells: a lone "0" is otherwise often taken for a letter.
   */
  digits: { text: string; confidence: number };
}

export interface TextRecognizer {
  /** One result per image, in order. Each image holds one line of text (a cell, a line of a paragraph). */
  recognise(lines: readonly GrayImage[]): Promise<RecognisedText[]>;
}
