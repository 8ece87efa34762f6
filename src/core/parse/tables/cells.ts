/**
 * Cell text → value. A blank, "/", "-", "—", "无" or "不适用" is "not filled" (null), never 0:
 * blank cells are defects the reviewer must see. A number with a unit ("251000元") is also null here;
 * the raw text is kept so the values check can flag the unit.
 */
import { normalizeText } from '../../text/normalize.ts';
import type { CellValue } from '../../../shared/model.ts';

const NOT_FILLED = /^([-—–―/\\／_＿~～]+|无|空|不适用|未填|n\/?a)$/i;
const NUMBER = /^[-+]?\d+(\.\d+)?$/;
const NUMBER_WITH_UNIT = /^[-+]?\d[\d,]*(\.\d+)?\s*(万元|元|件|条|个|项|次|人次|%)$/;

/** Text normalisation cannot change these characters; most cells are such plain numbers. */
const PLAIN_NUMERIC_TEXT = /^[\d\s,.+-]*$/;

function compact(raw: string): string {
  const text = PLAIN_NUMERIC_TEXT.test(raw) ? raw : normalizeText(raw);
  return text.replace(/[\s,]/g, '').replace(/[−－]/g, '-');
}

/** True when a cell holds a value (or a placeholder for one), not a label. */
export function isValueLike(raw: string): boolean {
  const c = compact(raw);
  if (c === '') return true;
  return NUMBER.test(c) || NUMBER_WITH_UNIT.test(c) || NOT_FILLED.test(c);
}

export function isNumeric(raw: string): boolean {
  const c = compact(raw);
  return NUMBER.test(c) || NUMBER_WITH_UNIT.test(c);
}

export function cellValue(raw: string): CellValue {
  const c = compact(raw);
  if (!NUMBER.test(c)) return null;
  const n = Number(c);
  return Number.isFinite(n) ? n : null;
}
