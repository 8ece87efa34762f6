/**
 * "共N条，其中a…x条、b…y条" and "在…的N条信息中，a为x条…": a stated total followed by listed parts.
 * Shared by narrative.enumeration (parts add up) and narrative.percent (占…% of the total).
 */
import type { Report } from '../../../shared/model.ts';
import { decimalsOf, findCountedNumbers, type NumberMatch } from './numbers.ts';
import { type Sentence, sentencesOf } from './sentences.ts';

export interface EnumItem { value: number; percent?: { value: number; decimals: number; raw: string } }
export interface Enumeration {
  sentence: Sentence;
  total: number;
  unit: string;
  items: EnumItem[];
  /** Ends with 等 / "主要包括": the list may be incomplete. */
  open: boolean;
}

const UNITS = '件|条|项|个|篇|次|期|份';
const TOTAL_MARK = /(?:共|共计|合计|总计|累计|总数为?|总量为?)[^,，;；。\d]{0,12}$/;

export function enumerations(report: Report): Enumeration[] {
  const out: Enumeration[] = [];
  for (const s of sentencesOf(report)) {
    const text = s.text;
    const nums = findCountedNumbers(text, `${UNITS}|%`);
    for (let i = 0; i < nums.length; i++) {
      const n = nums[i]!;
      if (n.unit === '%') continue;
      const before = text.slice(Math.max(0, n.index - 16), n.index);
      const after = text.slice(n.end, n.end + 12);
      let listStart: number | null = null;
      if (TOTAL_MARK.test(before)) {
        const m = /^[^。;；]{0,12}?[,，]?\s*其中[,，:：]?/.exec(after);
        if (m) listStart = n.end + m[0].length;
      }
      if (listStart === null) {
        const m = /^[^,，;；。\d]{0,8}中[,，:：]/.exec(after);
        if (m) listStart = n.end + m[0].length;
      }
      if (listStart === null) continue;
      // The list runs to the next total marker or the end of the sentence.
      const rest = text.slice(listStart);
      const stop = rest.search(/[,，;；](?:共|合计|总计|另外|此外|同时|全年)|其中/);
      const region = stop >= 0 ? rest.slice(0, stop) : rest;
      const items = itemsOf(region, n.unit);
      if (items.length < 2) continue;
      out.push({ sentence: s, total: n.value, unit: n.unit, items, open: /等[^,，;；。]{0,4}[。;；]?$|主要包括|主要有/.test(region) || /等$/.test(region.replace(/(?<![。;；,，\s])[。;；,，\s]+$/, '')) });
      break;
    }
  }
  return out;
}

function itemsOf(region: string, unit: string): EnumItem[] {
  const nums: NumberMatch[] = findCountedNumbers(region, `${UNITS}|%`);
  const items: EnumItem[] = [];
  for (let i = 0; i < nums.length; i++) {
    const n = nums[i]!;
    if (n.unit === '%') {
      const last = items[items.length - 1];
      const between = region.slice(nums[i - 1]?.end ?? 0, n.index);
      if (last && !last.percent && /占|比例|比重|占比/.test(between)) last.percent = { value: n.value, decimals: decimalsOf(n.raw), raw: n.raw };
      continue;
    }
    if (n.unit !== unit) continue;
    items.push({ value: n.value });
  }
  return items;
}
