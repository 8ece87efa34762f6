import type { Check } from './types.ts';
import { fail, na, pass } from './lib/findings.ts';
import { otherOf } from './lib/history.ts';
import { cachedFingerprint, MIN_NARRATIVE, quotedSharedPassages, sketchSimilarity } from './lib/similarity.ts';
import type { RelatedReport } from './types.ts';
import { checkMeta } from '../../shared/check-catalogue.ts';
import { partName } from '../../shared/template/index.ts';

/** Peers named in one finding; the rest are counted. */
const NAMED_PEERS = 5;

/** A peer is named by its department; a report whose department was not read, by its file's name. */
function peerName(peer: RelatedReport): string {
  return peer.department ?? `未识别单位的报告（${peer.file.split(/[\\/]/).pop() ?? peer.file}）`;
}

/**
 * Peers of equal similarity in a fixed order (by name, then file), not in the order they were stored: an
 * import's files finish in a different order each time, and the finding must not change with it.
 */
function before(a: RelatedReport, b: RelatedReport): boolean {
  const x = peerName(a);
  const y = peerName(b);
  return x !== y ? x < y : a.file < b.file;
}

export const PEER_THRESHOLD = 80;
/** Up to this many peers every one is compared; beyond it only the sketch index's candidates (same fails). */
export const EXACT_PEER_LIMIT = 500;

export const peerRepeatedText: Check = {
  meta: checkMeta('peer.repeated-text'),
  run(report, context) {
    const others = context.peers.filter((p) => p.report !== report && p.file !== report.file);
    if (others.length === 0) return [na('同一批次没有其他单位的年报可供比较')];
    const mine = cachedFingerprint(report);
    if (mine.length < MIN_NARRATIVE) return [na(`“${partName(1)}”“存在的主要问题”正文过短，不作相似度比较`)];
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
      if (!best || similarity > best.similarity || (similarity === best.similarity && before(peer, best.peer))) best = { peer, similarity };
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
    // One finding for all similar peers, each department once (its most similar report), quoting the report's own words.
    similar.sort((x, y) => y.similarity - x.similarity || (before(x.peer, y.peer) ? -1 : before(y.peer, x.peer) ? 1 : 0));
    const byDepartment = new Map<string, (typeof similar)[number]>();
    for (const s of similar) if (!byDepartment.has(peerName(s.peer))) byDepartment.set(peerName(s.peer), s);
    const peers = [...byDepartment.values()];
    const top = peers[0]!;
    const passages = quotedSharedPassages(report, top.peer.report, 2);
    const named = peers.slice(0, NAMED_PEERS).map((p) => `${peerName(p.peer)}（${p.similarity}%）`).join('、');
    const more = peers.length > NAMED_PEERS ? `等${peers.length}个单位` : '';
    return [fail(`第一、五部分与${named}${more}的年报雷同${passages.length > 0 ? `；重复段落如：“${passages[0]}”` : ''}`,
      [
        ...passages.map((t) => ({ text: t, other: otherOf(top.peer) })),
        ...peers.slice(passages.length > 0 ? 1 : 0, NAMED_PEERS).map((p) => ({ text: `相似度${p.similarity}%`, other: otherOf(p.peer) })),
      ],
      { measure: top.similarity })];
  },
};
