import type { Check, CheckFinding } from './types.ts';
import { cellEvidence, quoteEvidence, show } from './lib/evidence.ts';
import { fail, isNumber, na, pass } from './lib/findings.ts';
import { ACTIVE_2021, activeCellName, NORMATIVE_DOCUMENTS } from '../../shared/template/index.ts';
import { findCountedNumbers } from './lib/numbers.ts';
import { clauses, sentencesOf } from './lib/sentences.ts';
import { yearsMentioned } from './lib/years.ts';
import { withTable } from './lib/guards.ts';
import { checkMeta } from '../../shared/check-catalogue.ts';

/** The two kinds of document table 二 counts: its first row (rules) and normative documents (the second row's short name). */
const RULES = ACTIVE_2021.rows[0]!.label;
const KIND = new RegExp(`(${RULES}|${NORMATIVE_DOCUMENTS})`);
const KINDS_NAMED = `${RULES}、${NORMATIVE_DOCUMENTS}`;

type Action = 'issued' | 'repealed' | 'inForce';
const ACTIONS: { action: Action; pattern: RegExp }[] = [
  { action: 'repealed', pattern: /废止|废除|失效|清理废/ },
  { action: 'inForce', pattern: /现行有效|有效的?|保留/ },
  { action: 'issued', pattern: /制发|制定|出台|印发|发布了?|新制作|起草并印发/ },
];
/** Verbs that make a clause about something else than issuing documents (reading, publishing, reviewing). */
const OTHER_ACTION = /解读|公开了?|清理|审查|备案|征求意见|宣传|培训|报送/;

/** Index in table 二 (2021 format) for a document kind and action. */
function index2021(kind: 'rule' | 'normative', action: Action): number {
  return (kind === 'rule' ? 0 : 3) + (action === 'issued' ? 0 : action === 'repealed' ? 1 : 2);
}

export const narrativeNormative: Check = {
  meta: checkMeta('narrative.normative'),
  run: withTable('active', '表二缺失，无法与正文核对', (values, report) => {
    const out: CheckFinding[] = [];
    let compared = 0;
    for (const s of sentencesOf(report)) {
      if (!KIND.test(s.text)) continue;
      if (report.year !== null && yearsMentioned(s.text).some((y) => y < report.year!)) continue;
      for (const { text: c } of clauses(s.text)) {
        const kindMatch = KIND.exec(c);
        if (!kindMatch) continue;
        if (OTHER_ACTION.test(c) || /其中|类信息|条信息/.test(c)) continue;
        const action = ACTIONS.find((a) => a.pattern.test(c))?.action;
        if (!action) continue;
        const nums = findCountedNumbers(c, '件|部|个|份|项');
        if (nums.length !== 1) continue;
        const kind = kindMatch[1] === RULES ? 'rule' : 'normative';
        const idx = index2021(kind, action);
        const cell = values[idx];
        if (!isNumber(cell)) continue;
        compared++;
        if (nums[0]!.value !== cell) {
          out.push(fail(`正文称${nums[0]!.value}件，表二${activeCellName(report.generation, idx)}为${show(cell)}：“${quoteEvidence(s, 60).text}”`,
            [quoteEvidence(s), cellEvidence(report, { table: 'active', index: idx })], { measure: 1 }));
        }
      }
    }
    if (out.length > 0) return out;
    return compared > 0 ? [pass(`正文所述${KINDS_NAMED}件数与表二一致（${compared}处）`)] : [na(`正文未陈述制发、废止或现行有效的${KINDS_NAMED}件数`)];
  }),
};
