import type { Check } from './types.ts';
import { fail, na, pass } from './lib/findings.ts';
import { otherOf } from './lib/history.ts';
import { cachedFingerprint, MIN_NARRATIVE, quotedSharedPassages, sketchSimilarity } from './lib/similarity.ts';
import { withPreviousReport } from './lib/guards.ts';

/** Similarity (%) from which a narrative counts as repeated; the rubric prices bands above it. */
export const HISTORY_THRESHOLD = 70;

export const historyRepeatedText: Check = {
  meta: {
    id: 'history.repeated-text',
    title: '正文与上年雷同',
    category: '原创',
    severity: 'warning',
    docs: '年度报告应反映本年度的工作和问题（条例第五十条；国办公开办函〔2021〕30号要求内容“不能遗漏，也不宜泛化”）。本检查将“总体情况”和“存在的主要问题及改进情况”两部分与同一单位上一年度年报比较（去除模板固定文字，按8字片段计算相似度），相似度达到70%的判为雷同，并列出重复段落。',
    comparesReports: true,
  },
  run: withPreviousReport((report, prev) => {
    const a = cachedFingerprint(report);
    const b = cachedFingerprint(prev.report);
    if (a.length < MIN_NARRATIVE || b.length < MIN_NARRATIVE) return [na('“总体情况”“存在的主要问题”正文过短，不作相似度比较')];
    const similarity = sketchSimilarity(a, b);
    const ev = { text: `与${prev.year ?? '上'}年度年报相似度${similarity}%`, other: otherOf(prev) };
    if (similarity < HISTORY_THRESHOLD) return [pass(`第一、五部分与上年度年报相似度${similarity}%`, [ev])];
    const passages = quotedSharedPassages(report, prev.report, 3);
    return [fail(`第一、五部分与${prev.year ?? '上'}年度年报相似度${similarity}%，疑似照搬上年${passages.length > 0 ? `；重复段落如：“${passages[0]}”` : ''}`,
      [ev, ...passages.map((t) => ({ text: t, other: otherOf(prev) }))], { measure: similarity })];
  }),
};
