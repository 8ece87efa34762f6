/**
 * OCR settings for reading files in this thread: the recogniser (loaded once per thread, on the first
 * scanned page, never before) and the per-file time budget from OGI_OCR_BUDGET_S.
 */
import type { OcrOptions, TextRecognizer } from '../engine.ts';

/** Default OCR time per file: ~6 s a page leaves room for a 25-page scan. */
export const DEFAULT_OCR_BUDGET_S = 150;

let recognizer: Promise<TextRecognizer> | undefined;

/** The thread's recogniser; its model and native runtime load on first use only. */
export function sharedRecognizer(): Promise<TextRecognizer> {
  recognizer ??= import('./paddle-recognizer.ts').then((m) => m.PaddleRecognizer.load());
  recognizer.catch(() => (recognizer = undefined));
  return recognizer;
}

export function ocrBudgetMs(env: NodeJS.ProcessEnv = process.env): number {
  const raw = Number(env['OGI_OCR_BUDGET_S']);
  return (Number.isFinite(raw) && raw >= 0 ? raw : DEFAULT_OCR_BUDGET_S) * 1000;
}

export function ocrOptions(extra: Pick<OcrOptions, 'onPage' | 'cancelled'> = {}): OcrOptions {
  return { recognizer: sharedRecognizer, budgetMs: ocrBudgetMs(), ...extra };
}
