import type { Check } from './types.ts';
import { fail, na, pass } from './lib/findings.ts';
import { otherOf } from './lib/history.ts';
import { cachedFingerprint, MIN_NARRATIVE, quotedSharedPassages, sketchSimilarity } from './lib/similarity.ts';
import { withPreviousReport } from './lib/guards.ts';
import { checkMeta } from '../../shared/check-catalogue.ts';
import { partName } from '../../shared/template/index.ts';

/** Similarity (%) from which a narrative counts as repeated; the rubric prices bands above it. */
export const HISTORY_THRESHOLD = 70;

export const historyRepeatedText: Check = {
  meta: checkMeta('history.repeated-text'),
  run: withPreviousReport((report, prev) => {
    const a = cachedFingerprint(report);
    const b = cachedFingerprint(prev.report);
    if (a.length < MIN_NARRATIVE || b.length < MIN_NARRATIVE) return [na(`“${partName(1)}”“存在的主要问题”正文过短，不作相似度比较`)];
    const similarity = sketchSimilarity(a, b);
    const ev = { text: `与${prev.year ?? '上'}年度年报相似度${similarity}%`, other: otherOf(prev) };
    if (similarity < HISTORY_THRESHOLD) return [pass(`第一、五部分与上年度年报相似度${similarity}%`, [ev])];
    const passages = quotedSharedPassages(report, prev.report, 3);
    return [fail(`第一、五部分与${prev.year ?? '上'}年度年报相似度${similarity}%，疑似照搬上年${passages.length > 0 ? `；重复段落如：“${passages[0]}”` : ''}`,
      [ev, ...passages.map((t) => ({ text: t, other: otherOf(prev) }))], { measure: similarity })];
  }),
};
