/**
 * The patch to pdf.js (patches/, applied by `npm install`) is in place: without it reading PDFs is ~15 %
 * slower, and nothing else would tell (the output is the same).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

test('pdf.js TextState.clone no longer chains prototypes (patches/pdfjs-dist+*.patch applied by postinstall)', () => {
  const workerFile = createRequire(import.meta.url).resolve('pdfjs-dist/legacy/build/pdf.worker.mjs');
  const source = readFileSync(workerFile, 'utf8');
  const cloneOf = (cls: string): string => {
    const start = source.indexOf(`class ${cls} {`);
    assert.ok(start >= 0, `class ${cls} not found in ${workerFile}`);
    const body = source.slice(start, source.indexOf('\n}\n', start));
    const clone = body.slice(body.indexOf('  clone('));
    return clone.slice(0, clone.indexOf('\n  }\n'));
  };
  const textStateClone = cloneOf('TextState');
  assert.match(textStateClone, /Object\.assign\(new TextState\(\), this\)/, 'run `npm install` (postinstall: patch-package)');
  assert.doesNotMatch(textStateClone, /Object\.create\(this\)/);
});
