/**
 * mammoth reads Word XML through saxes (mammoth-fast-xml.ts) instead of xmldom. Its reader must make the
 * very same element tree either way: checked on every XML part of every .docx in ../shared (as written and
 * slimmed) and on hand-written edge cases; what saxes refuses still goes to xmldom.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, realpathSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { DOMParser } from '@xmldom/xmldom';
import JSZip from 'jszip';
import { installFastWordXml, parseWordXml } from '../../src/core/ingest/mammoth-fast-xml.ts';
import { slimWordXml } from '../../src/core/ingest/docx-slim.ts';
import { ingestDocx } from '../../src/core/ingest/docx.ts';

const require = createRequire(import.meta.url);
const shared = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../shared');
const skipShared = existsSync(shared) ? false : `../shared not found at ${shared}`;

const mammothXmldom = require('mammoth/lib/xml/xmldom.js') as { parseFromString: (xml: string) => unknown };
installFastWordXml();
/** What mammoth now calls: saxes, and xmldom for what saxes refuses. */
const installedParse = mammothXmldom.parseFromString;
const mammothReader = require('mammoth/lib/xml/reader.js') as { readString: (xml: string, namespaces: Record<string, string>) => Promise<unknown> };

/** mammoth's own wrapper around xmldom (lib/xml/xmldom.js as shipped): any warning or error throws. */
function xmldomParse(xml: string): unknown {
  let error: { level: string; message: string } | null = null;
  const parser = new DOMParser({ errorHandler: (level: string, message: string) => void (error ??= { level, message }) } as never);
  const document = parser.parseFromString(xml, 'text/xml');
  if (error !== null) throw new Error(`${(error as { level: string }).level}: ${(error as { message: string }).message}`);
  return document;
}

/** The namespaces mammoth maps (lib/docx/office-xml-reader.js), so names compare as mammoth sees them. */
const NAMESPACES: Record<string, string> = {
  'http://schemas.openxmlformats.org/wordprocessingml/2006/main': 'w',
  'http://schemas.openxmlformats.org/officeDocument/2006/relationships': 'r',
  'http://schemas.openxmlformats.org/markup-compatibility/2006': 'mc',
  'urn:schemas-microsoft-com:vml': 'v',
};

async function readWith(parse: (xml: string) => unknown, xml: string): Promise<{ tree?: unknown; error?: string }> {
  const installed = mammothXmldom.parseFromString;
  mammothXmldom.parseFromString = parse;
  try {
    return { tree: JSON.parse(JSON.stringify(await mammothReader.readString(xml, NAMESPACES))) as unknown };
  } catch (err) {
    return { error: (err as Error).message };
  } finally {
    mammothXmldom.parseFromString = installed;
  }
}

async function assertSameTree(xml: string, label: string): Promise<void> {
  const slow = await readWith(xmldomParse, xml);
  const fast = await readWith(installedParse, xml);
  if (slow.error !== undefined) {
    assert.ok(fast.error !== undefined, `${label}: xmldom refused it (${slow.error}), the installed parser did not`);
    return;
  }
  assert.equal(fast.error, undefined, `${label}: the installed parser refused what xmldom read (${fast.error ?? ''})`);
  assert.deepEqual(fast.tree, slow.tree, label);
}

test('mammoth is set to read Word XML through saxes', () => {
  assert.equal(installFastWordXml(), true);
  assert.notEqual(installedParse, xmldomParse);
  const parsed = mammothXmldom.parseFromString('<a xmlns="urn:x"><b>t</b></a>') as { documentElement: { localName: string } };
  assert.equal(parsed.documentElement.localName, 'a');
});

test('the same element tree as xmldom: namespaces, attributes, entities, whitespace, CDATA, comments, PIs', async () => {
  const cases = [
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><w:body><w:p><w:r><w:t xml:space="preserve"> a &amp; b &lt;c&gt; &#x4E2D;&#25991; </w:t></w:r></w:p></w:body></w:document>',
    '<root xmlns="urn:default" xmlns:o="urn:other" o:flag="1" plain="2"><child o:x=\'y\'/>\n  <o:leaf>text</o:leaf>\n</root>',
    '<w:t xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">before<!-- note -->after</w:t>',
    '<w:t xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">a<![CDATA[raw <b>]]>b</w:t>',
    '<w:t xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">a<?pi data?>b</w:t>',
    '<a xmlns:u="urn:unmapped"><u:b u:c="d"/></a>',
    '<a><b></a>',
    '<a>&nbsp;</a>',
    '<a:b/>', // unbound prefix: saxes refuses, xmldom reads it
  ];
  assert.throws(() => parseWordXml('<a:b/>'));
  for (const [i, xml] of cases.entries()) await assertSameTree(xml, `case ${i}: ${xml.slice(0, 60)}`);
});

test('a part saxes refuses (a control character WPS left in a run) is still read, by xmldom', async () => {
  const xml = '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>公开\u0001情况</w:t></w:r></w:p></w:body></w:document>';
  assert.throws(() => parseWordXml(xml));
  const slow = await readWith(xmldomParse, xml);
  if (slow.error !== undefined) return; // xmldom refuses it too: nothing was lost
  const viaMammoth = await mammothReader.readString(xml, NAMESPACES);
  assert.deepEqual(JSON.parse(JSON.stringify(viaMammoth)), slow.tree);
});

test('every XML part of every .docx in ../shared, as written and slimmed, gives the same tree', { skip: skipShared }, async () => {
  // ../shared may be a symlink (CI): walk its real path.
  const root = realpathSync(shared);
  const files = (readdirSync(root, { recursive: true }) as string[]).filter((f) => f.endsWith('.docx')).map((f) => path.join(root, f));
  assert.ok(files.length > 50, `expected the shared .docx files, found ${files.length}`);
  let parts = 0;
  for (const file of files) {
    let zip: JSZip;
    try {
      zip = await JSZip.loadAsync(readFileSync(file));
    } catch {
      continue; // damaged on purpose (cases/); the reader's own tests cover those
    }
    for (const name of Object.keys(zip.files).filter((n) => /\.(xml|rels)$/i.test(n))) {
      const xml = (await zip.file(name)!.async('string')).replace(/^\uFEFF/, '');
      await assertSameTree(xml, `${path.basename(file)} ${name}`);
      if (/^word\/[^/]+\.xml$/.test(name)) await assertSameTree(slimWordXml(xml), `${path.basename(file)} ${name} (slimmed)`);
      parts++;
    }
  }
  assert.ok(parts > 500, `only ${parts} parts compared`);
});

test('a report reads the same through either parser', { skip: skipShared }, async () => {
  const file = path.join(shared, 'fixtures', 'bench', 'b11-0000-docx.docx');
  if (!existsSync(file)) return;
  const bytes = new Uint8Array(readFileSync(file));
  const fast = await ingestDocx(bytes);
  const installed = mammothXmldom.parseFromString;
  mammothXmldom.parseFromString = xmldomParse;
  try {
    assert.deepEqual(await ingestDocx(bytes), fast);
  } finally {
    mammothXmldom.parseFromString = installed;
  }
});
