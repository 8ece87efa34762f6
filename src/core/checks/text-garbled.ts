import { hasInlinePinyin } from '../text/normalize.ts';
import type { Check, CheckFinding } from './types.ts';
import { fail, pass } from './lib/findings.ts';
import { scanOriginal } from './lib/scan.ts';
import { checkMeta } from '../../shared/check-catalogue.ts';

const TONE = 'āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ';
/** 據(jù): pinyin the web page printed as ruby text, pasted inline. */
// The lookahead finds the tone mark without backtracking (its class has no tone letters); a syllable is at most
// 6 letters, so the body is bounded: `中(` + 100,000 × ā used to take 75 s (quadratic backtracking).
const INLINE_PINYIN = new RegExp(`[\\u3400-\\u9fff][(（](?=[a-zü]{0,6}[${TONE}])[a-z${TONE}ü]{1,7}[)）]`, 'gu');
/** Replacement characters, GBK read as Latin-1/UTF-8 (“å¹´”, “锟斤拷”), runs of ? inside Chinese text, private-use glyphs. */
const MOJIBAKE = /\ufffd+|锟斤拷|烫烫烫|屯屯屯|[\u00c0-\u00ff][\u0080-\u00bf]{1,2}(?:[\u00c0-\u00ff][\u0080-\u00bf]{1,2})+|(?<=[\u4e00-\u9fff])\?{2,}(?=[\u4e00-\u9fff])|[\ue000-\uf8ff]+/g;

export const textGarbled: Check = {
  meta: checkMeta('text.garbled'),
  run(report) {
    const out: CheckFinding[] = [];
    const pinyin = scanOriginal(report, INLINE_PINYIN, { limit: 200 });
    if (pinyin.length > 0 || report.paragraphs.some((p) => hasInlinePinyin(p.original))) {
      out.push(fail(`正文夹杂注音拼音${pinyin.length}处，如“${pinyin[0]?.match ?? ''}”（从网页复制时带入）`, pinyin.slice(0, 5).map((h) => h.evidence), {
        measure: pinyin.length, kind: 'pinyin',
      }));
    }
    const broken = scanOriginal(report, MOJIBAKE, { limit: 200 });
    if (broken.length > 0) {
      out.push(fail(`正文有乱码${broken.length}处，如：${broken[0]!.context}`, broken.slice(0, 5).map((h) => h.evidence), {
        measure: broken.length, kind: 'mojibake',
      }));
    }
    return out.length > 0 ? out : [pass('未发现乱码或拼音残留')];
  },
};
