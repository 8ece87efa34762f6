/** The bundled font: manifest readable, only the slices a document needs are embedded. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { EmbeddedFont, embedFonts } from '../../src/main/print/fonts.ts';

test('embedFonts adds @font-face data: URLs for the characters of the document only', () => {
  const font = new EmbeddedFont();
  assert.ok(font.faces.length > 100, 'both weights of the sliced font are listed');
  const html = '<!DOCTYPE html><html><head><title>t</title></head><body>临江市经济和信息化局 审核意见单 92.5</body></html>';
  const out = embedFonts(html, font);
  const faces = out.match(/@font-face/g)?.length ?? 0;
  assert.ok(faces > 0 && faces < font.faces.length / 2, `embedded ${faces} of ${font.faces.length} slices`);
  assert.match(out, /src:url\(data:font\/woff2;base64,d09GMg/, 'woff2 data (wOF2 magic)');
  assert.ok(out.indexOf('<style>') < out.indexOf('</head>'));
  assert.throws(() => embedFonts('<p>no head</p>', font), /head/);
});
