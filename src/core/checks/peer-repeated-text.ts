import type { Check } from './types.ts';
import { fail, na, pass } from './lib/findings.ts';
import { otherOf } from './lib/history.ts';
import { cachedFingerprint, cleanedNarrative, MIN_NARRATIVE, sharedPassages, sketchSimilarity } from './lib/similarity.ts';

export const PEER_THRESHOLD = 80;
/** Up to this many peers every one is compared; beyond it only the sketch index's candidates (same fails). */
export const EXACT_PEER_LIMIT = 500;

export const peerRepeatedText: Check = {
  meta: {
    id: 'peer.repeated-text',
    title: '正文与其他单位雷同',
    category: '原创',
    severity: 'warning',
    docs: '各单位年报应如实报告本单位工作（条例第五十条）。本检查将“总体情况”和“存在的主要问题及改进情况”与同一批次其他单位的年报比较，去除国办公开办函〔2021〕30号模板的标题、表格项目和固定句子后按8字片段计算相似度，达到80%的判为雷同，并指出对方单位和重复段落。',
    comparesReports: true,
  },
  run(report, context) {
    const others = context.peers.filter((p) => p.report !== report && p.file !== report.file);
    if (others.length === 0) return [na('同一批次没有其他单位的年报可供比较')];
    const mine = cachedFingerprint(report);
    if (mine.length < MIN_NARRATIVE) return [na('“总体情况”“存在的主要问题”正文过短，不作相似度比较')];
    let best: { peer: (typeof others)[number]; similarity: number } | null = null;
    const similar: { peer: (typeof others)[number]; similarity: number }[] = [];
    let compared = others;
    const index = others.length > EXACT_PEER_LIMIT ? context.peerIndex : undefined;
    const indexed = index !== undefined;
    if (index) {
      const candidates = index.candidates(mine, PEER_THRESHOLD);
      compared = others.filter((p) => candidates.has(p));
    }
    for (const peer of compared) {
      const theirs = cachedFingerprint(peer.report);
      if (theirs.length < MIN_NARRATIVE) continue;
      const similarity = sketchSimilarity(mine, theirs);
      if (!best || similarity > best.similarity) best = { peer, similarity };
      if (similarity >= PEER_THRESHOLD) similar.push({ peer, similarity });
    }
    if (indexed && similar.length === 0) {
      const closest = best ? `；共有文字较多的${compared.length}份中最高为${best.similarity}%（${best.peer.department ?? best.peer.file}）` : '';
      return [pass(`与同批次${others.length}份年报比较，相似度均低于${PEER_THRESHOLD}%${closest}`)];
    }
    if (!best) return [na('其他单位年报正文过短，不作相似度比较')];
    if (similar.length === 0) {
      return [pass(`与同批次${others.length}份年报的最高相似度为${best.similarity}%（${best.peer.department ?? best.peer.file}）`)];
    }
    similar.sort((x, y) => y.similarity - x.similarity);
    return similar.slice(0, 5).map(({ peer, similarity }) => {
      const passages = sharedPassages(cleanedNarrative(report), cleanedNarrative(peer.report), 2, 20, cleanedNarrative(report, false));
      return fail(`第一、五部分与${peer.department ?? peer.file}的年报相似度${similarity}%${passages.length > 0 ? `；重复段落如：“${passages[0]}”` : ''}`,
        [{ text: `相似度${similarity}%`, other: otherOf(peer) }, ...passages.map((t) => ({ text: t, other: otherOf(peer) }))], { measure: similarity });
    });
  },
};
