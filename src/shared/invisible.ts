/**
 * Characters that print as nothing yet change what a name is: bidi embeddings/overrides/isolates (U+202E
 * turns 临江市‮育教‬局 into what looks like 临江市教育局), zero-width spaces and joiners, soft hyphens,
 * BOMs, control characters, variation selectors and filler characters. Department names never keep them.
 */
const INVISIBLE = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\u034f\u115f\u1160\u3164\uffa0\ufe00-\ufe0f\u180b-\u180d\u2800]/gu;

export function stripInvisible(text: string): string {
  return text.replace(INVISIBLE, '');
}

/** The invisible characters of a text as code points ("U+202E"), each once, in order of appearance. */
export function invisibleCodePoints(text: string): string[] {
  const found = new Set<string>();
  for (const m of text.matchAll(INVISIBLE)) found.add(`U+${m[0].codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`);
  return [...found];
}
