/** When an OCR reading is doubtful enough for the reviewer to compare it with the picture. */

/** Numbers read with less certainty than this are shown to the reviewer to confirm… */
export const LOW_CONFIDENCE_NUMBER = 0.9;
/** …and lines of text (a text line's least certain character is often punctuation, so lower). */
export const LOW_CONFIDENCE_TEXT = 0.5;

export function isDoubtful(text: string, confidence: number): boolean {
  return confidence < (/^[\d\s,.]*$/.test(text) ? LOW_CONFIDENCE_NUMBER : LOW_CONFIDENCE_TEXT);
}
