/**
 * The check catalogue (src/shared/check-catalogue.ts) is the checks' own metadata: every check takes its meta
 * from it, in catalogue order, and the dimension it names is the default rubric's. The screen, the printed
 * documents and the exports read titles from the same entries.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CHECK_CATALOGUE, checkInfo, checkMeta, DEFAULT_CHECKS, type CheckId } from '../../src/shared/check-catalogue.ts';
import { ALL_CHECKS } from '../../src/core/checks/index.ts';
import { defaultRubric } from '../../src/core/score/rubric.ts';

test('every check takes its meta from the catalogue, in catalogue order', () => {
  assert.deepEqual(ALL_CHECKS.map((c) => c.meta.id), CHECK_CATALOGUE.map((m) => m.id));
  for (const check of ALL_CHECKS) assert.equal(check.meta, checkMeta(check.meta.id as CheckId), `${check.meta.id}: meta is the catalogue entry`);
  assert.equal(new Set(CHECK_CATALOGUE.map((m) => m.title)).size, CHECK_CATALOGUE.length, 'titles are distinct');
});

test("the catalogue's dimension of a check is the default rubric's", () => {
  const rubric = defaultRubric();
  const inRubric = new Map(rubric.dimensions.flatMap((d) => d.checks.map((c): [string, string] => [c.check, d.name])));
  // A substitute (legacy.contents for sections.present in legacy reports) counts in the dimension of the check it replaces.
  for (const s of rubric.substitutes) inRubric.set(s.check, inRubric.get(s.replaces)!);
  for (const m of CHECK_CATALOGUE) assert.equal(DEFAULT_CHECKS[m.id]?.dimension, inRubric.get(m.id), m.id);
});

test('what documents and screens say about a check is its meta, unless the caller overrides it', () => {
  const deadline = checkMeta('deadline');
  assert.deepEqual(checkInfo('deadline'), { title: deadline.title, dimension: deadline.dimension, docs: deadline.docs, fixedBy: 'office' });
  assert.equal(checkInfo('deadline', { deadline: { title: '按时报送（本地）' } }).title, '按时报送（本地）');
  assert.equal(checkInfo('no.such-check').title, 'no.such-check');
  // Rule texts quote the template's labels as the template writes them.
  assert.match(checkMeta('review.totals').docs, /未经复议直接起诉/);
});
