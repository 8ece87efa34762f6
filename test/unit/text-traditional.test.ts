import assert from 'node:assert/strict';
import test from 'node:test';
import { TRADITIONAL_MARKERS, looksTraditional, toSimplified } from '../../src/core/text/traditional.ts';

test('every traditional marker is changed by the dictionary (the list is fixed so the dictionary loads lazily)', () => {
  const unchanged = TRADITIONAL_MARKERS.filter((ch) => toSimplified(ch) === ch);
  assert.deepEqual(unchanged, []);
});

test('traditional text is recognised and converted; simplified text is not taken for traditional', () => {
  const traditional = '本機關依據《中華人民共和國政府信息公開條例》編製本年度報告，請依法處理。';
  assert.equal(looksTraditional(traditional), true);
  assert.equal(toSimplified(traditional), '本机关依据《中华人民共和国政府信息公开条例》编制本年度报告，请依法处理。');
  assert.equal(looksTraditional('本机关依据《中华人民共和国政府信息公开条例》编制本年度报告。'), false);
});
