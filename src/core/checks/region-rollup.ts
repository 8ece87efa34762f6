/**
 * region.rollup: the region government's own report (某县人民政府) against the sum of its departments'
 * tables. Each differing cell is a finding of the region's report naming the cell by the template's row
 * and column labels with both values. Runs with the year's peers (the departments' latest reports with the
 * reviewer's corrections), so it is re-run whenever they change.
 */
import type { Check, RelatedReport } from './types.ts';
import { cellEvidence, show } from './lib/evidence.ts';
import { fail, na, pass, uncertain } from './lib/findings.ts';
import { checkMeta } from '../../shared/check-catalogue.ts';
import { exclusionReason, rollUp, type RollupMember } from '../rollup/rollup.ts';
import { compareWithRollup, regionMember } from '../rollup/region-compare.ts';

const GOVERNMENT_SUFFIX = '人民政府';
/** Cells named one finding each; the rest of a wholly different table are listed in one more finding. */
const NAMED_CELLS = 20;

function peerMember(peer: RelatedReport): RollupMember {
  return { department: peer.department ?? peer.report.department ?? peer.file, report: peer.report };
}

export const regionRollup: Check = {
  meta: checkMeta('region.rollup'),
  run(report, context) {
    const name = report.department?.trim() ?? '';
    if (!name.endsWith(GOVERNMENT_SUFFIX)) return [na('不是本级人民政府自身的年报，不与各单位汇总数比对')];
    const self: RollupMember = { department: name, report };
    const members = context.peers.filter((p) => p.report !== report && p.file !== report.file).map(peerMember);
    if (regionMember([self, ...members]) !== self) return [na('同年度没有可认定为本级下属单位的年报，不作汇总比对')];
    const own = exclusionReason(report);
    if (own !== null) return [na(`本级年报${own}，不与各单位汇总数逐项比对`)];
    const rollup = rollUp(report.year ?? 0, members);
    if (rollup.included.length === 0) return [na('同年度各单位的统计表均未能纳入汇总，不作比对')];
    const differences = compareWithRollup(report, rollup);
    const scope = `${rollup.included.length} 个单位`;
    if (differences.length === 0) return [pass(`统计表与 ${scope}的汇总数逐项一致`)];
    // With departments left out of the sum, a difference may be theirs: the reviewer decides.
    const partial = rollup.excluded.length > 0;
    const leftOut = partial ? `；另有 ${rollup.excluded.length} 个单位未纳入汇总（${rollup.excluded.slice(0, 3).map((e) => `${e.name}：${e.reason}`).join('；')}${rollup.excluded.length > 3 ? '等' : ''}），差异待人工核实` : '';
    const verdict = partial ? uncertain : (message: string, evidence: ReturnType<typeof cellEvidence>[], extra: { measure: number }) => fail(message, evidence, extra);
    const findings = differences.slice(0, NAMED_CELLS).map((d) => {
      const gap = d.reported === null ? '' : `，相差 ${show(d.reported - d.rollup)}`;
      return verdict(`${d.label}：本级年报填报 ${show(d.reported)}，${scope}汇总为 ${show(d.rollup)}${gap}${leftOut}`, [cellEvidence(report, d.address)], { measure: 1 });
    });
    const rest = differences.slice(NAMED_CELLS);
    if (rest.length > 0) {
      const listed = rest.map((d) => `${d.label}（${show(d.reported)}/${show(d.rollup)}）`).join('；');
      findings.push(verdict(`另有 ${rest.length} 个单元格与${scope}汇总数不一致（本级年报/汇总）：${listed}${leftOut}`, rest.map((d) => cellEvidence(report, d.address)), { measure: rest.length }));
    }
    return findings;
  },
};
