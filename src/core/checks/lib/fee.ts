/** Reading the 信息处理费 statement (国办函〔2020〕109号) out of part 六. */
import type { Report } from '../../../shared/model.ts';
import { NUMBER_PATTERN, parseNumber } from './numbers.ts';
import { type Sentence, sentencesOf } from './sentences.ts';

export interface FeeStatement {
  sentence: Sentence;
  /** Amount charged in 元 (0 when the sentence says none was charged); null when charged but no amount given. */
  amountYuan: number | null;
}

const FEE_TOPIC = /信息处理费|处理费|(?:收取|收费|缴纳).{0,8}费用|收费(?:情况|及减免)/;
const NONE = /(?:未|没有|无|不|未曾|从未|均未|免于?)[^。,，;；]{0,8}(?:收取|收费|产生|发生|征收|缴纳)|(?:收取|收费|征收)[^。;；\d]{0,12}(?<![\d.])(?:0|零)(?:\.0+)?元|(?:为|是)(?:0|零)(?:\.0+)?元|收费.{0,6}(?:为|是)?无|无.{0,4}(?:收费|处理费)|不涉及/;
const AMOUNT = new RegExp(`(${NUMBER_PATTERN})\\s*(万元|元)`, 'u');

/** Statements about the fee in the given parts (default: part 六). */
export function feeStatements(report: Report, parts: number[] = [6]): FeeStatement[] {
  const out: FeeStatement[] = [];
  for (const s of sentencesOf(report, { parts, semicolons: true })) {
    if (!FEE_TOPIC.test(s.text)) continue;
    if (NONE.test(s.text)) {
      out.push({ sentence: s, amountYuan: 0 });
      continue;
    }
    const m = AMOUNT.exec(s.text);
    if (m) {
      const v = parseNumber(m[1]!);
      out.push({ sentence: s, amountYuan: v === null ? null : m[2] === '万元' ? v * 10000 : v });
    } else if (/收取|收费|缴纳/.test(s.text)) {
      out.push({ sentence: s, amountYuan: null });
    }
  }
  return out;
}
