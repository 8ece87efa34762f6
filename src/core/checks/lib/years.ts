/** Years written in a sentence ("2024年", "2024年度", "二〇二四年"). */
import { parseNumber } from './numbers.ts';

export function yearsMentioned(text: string): number[] {
  const out: number[] = [];
  for (const m of text.matchAll(/((?:19|20)\d{2})\s*年/g)) out.push(Number(m[1]));
  for (const m of text.matchAll(/([一二〇零○][〇零○一二三四五六七八九]{3})\s*年/g)) {
    const v = parseNumber(m[1]!.replace(/○/g, '〇'));
    if (v !== null) out.push(v);
  }
  return out;
}
