import type { Check } from './types.ts';
import { fail, pass } from './lib/findings.ts';
import { scanOriginal } from './lib/scan.ts';
import { checkMeta } from '../../shared/check-catalogue.ts';

const ID_NUMBER = /(?<![0-9])[1-9]\d{5}(?:18|19|20)\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])\d{3}[\dXx](?![0-9])/g;
const MOBILE = /(?<![0-9])1[3-9]\d{9}(?![0-9])/g;
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK_CHARS = '10X98765432';

/** GB 11643 check digit: filters out long numbers that only look like ID numbers. */
export function validIdNumber(id: string): boolean {
  let total = 0;
  for (let i = 0; i < 17; i++) total += Number(id[i]) * WEIGHTS[i]!;
  return CHECK_CHARS[total % 11] === id[17]!.toUpperCase();
}

export function mask(value: string): string {
  return value.length <= 5 ? '*'.repeat(value.length) : `${value.slice(0, 3)}${'*'.repeat(value.length - 5)}${value.slice(-2)}`;
}

/** Every ID-like and mobile-like number in a quote is masked, not only the one reported. */
function maskAll(text: string): string {
  return text.replace(ID_NUMBER, (m) => mask(m)).replace(MOBILE, (m) => mask(m)).replace(/(?<![0-9*])\d{7,}[\dXx]?/g, (m) => mask(m));
}

export const textPersonalInfo: Check = {
  meta: checkMeta('text.personal-info'),
  run(report) {
    const ids = scanOriginal(report, ID_NUMBER).filter((h) => validIdNumber(h.match));
    const mobiles = scanOriginal(report, MOBILE);
    const out = [
      ...ids.map((h) => fail(`出现公民身份号码 ${mask(h.match)}`, [{ ...h.evidence, text: maskAll(h.evidence.text!) }], { measure: 1, kind: 'id-number' })),
      ...mobiles.map((h) => fail(`出现手机号码 ${mask(h.match)}（如为个人号码应删除）`, [{ ...h.evidence, text: maskAll(h.evidence.text!) }], { measure: 1, kind: 'mobile' })),
    ];
    return out.length > 0 ? out.slice(0, 10) : [pass('未发现身份证号码、手机号码等个人信息')];
  },
};
