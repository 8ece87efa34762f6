/**
 * Table 三 as Word editors lay it out in other departments' reports (field rendering, built here with JSZip):
 * header cells merged vertically (vMerge) and across (gridSpan), the 办理结果 group label merged down the first
 * column, a row label split over two paragraphs in one cell, numbers written "1,234", full-width "１２", and
 * "—" (read as not filled), and the table broken in two by a page break with its header repeated.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import JSZip from 'jszip';
import { ingestDocx } from '../../src/core/ingest/docx.ts';
import { parseDocument } from '../../src/core/parse/index.ts';
import { REQUEST_ROWS, REQUEST_HEADER, REQUEST_COLUMNS, REQUEST_ROW, partTitle } from '../../src/shared/template/tables.ts';


const esc = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');
const para = (text: string): string => `<w:p><w:r><w:t xml:space="preserve">${esc(text)}</w:t></w:r></w:p>`;
const cell = (paras: string[], props = ''): string => `<w:tc><w:tcPr>${props}</w:tcPr>${paras.map(para).join('') || '<w:p/>'}</w:tc>`;
const span = (n: number): string => `<w:gridSpan w:val="${n}"/>`;
const vStart = '<w:vMerge w:val="restart"/>';
const vCont = '<w:vMerge/>';
const row = (cells: string[]): string => `<w:tr>${cells.join('')}</w:tr>`;

async function docx(bodyXml: string): Promise<Uint8Array> {
  const zip = new JSZip();
  zip.file('[Content_Types].xml', '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>');
  zip.file('_rels/.rels', '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>');
  zip.file('word/document.xml', `<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${bodyXml}</w:body></w:document>`);
  return zip.generateAsync({ type: 'uint8array' });
}

/** Deterministic values, some large enough to be written with a thousands separator. */
const values: number[][] = REQUEST_ROWS.map((_, r) => {
  const v = [r === 0 ? 1234 : r + 2, r % 3, 0, (r * 7) % 5, 0, r % 2];
  return [...v, v.reduce((a, b) => a + b, 0)];
});

/** How an editor writes a number: zeros as "—", some in full-width digits, thousands with a comma. */
function written(n: number, r: number, c: number): string {
  if (n === 0) return (r + c) % 2 === 0 ? '—' : '0';
  if (n >= 1000) return n.toLocaleString('en-US');
  return (r + c) % 3 === 0 ? String(n).replace(/\d/g, (d) => String.fromCharCode(0xff10 + Number(d))) : String(n);
}

const header = [
  row([cell([''], span(3) + vStart), cell([REQUEST_HEADER.all], span(7))]),
  row([cell([], span(3) + vCont), cell([REQUEST_COLUMNS[0]], vStart), cell([REQUEST_HEADER.legalPersons], span(5)), cell([REQUEST_COLUMNS[6]], vStart)]),
  row([cell([], span(3) + vCont), cell([], vCont), ...REQUEST_COLUMNS.slice(1, 6).map((c) => cell([c])), cell([], vCont)]),
];

function dataRow(r: number): string {
  const spec = REQUEST_ROWS[r]!;
  const nums = values[r]!.map((n, c) => cell([written(n, r, c)]));
  if (r < REQUEST_ROW.firstResult || r > REQUEST_ROW.total) return row([cell([spec.label], span(3)), ...nums]);
  // The group label 三、本年度办理结果 runs down the first column; the leaf label takes the other two.
  const first = r === REQUEST_ROW.firstResult ? cell([REQUEST_ROWS[REQUEST_ROW.firstResult]!.before[0]?.label ?? ''], vStart) : cell([], vCont);
  // A long label broken into two paragraphs of one cell, as editors do to fit the column.
  const label = spec.label.length > 12 && r === 3 ? [spec.label.slice(0, 6), spec.label.slice(6)] : [spec.label];
  return row([first, cell(label, span(2)), ...nums]);
}

const table = (rows: string[]): string => `<w:tbl><w:tblGrid>${'<w:gridCol/>'.repeat(10)}</w:tblGrid>${rows.join('')}</w:tbl>`;

test('table 三 in Word: merged headers and labels, written numbers, split by a page break with the header repeated', async () => {
  const split = 12;
  const body = [
    para('临江县交通运输局2024年政府信息公开工作年度报告'),
    para(partTitle(1)),
    para('2024年，我局认真贯彻《条例》。'),
    para(partTitle(3)),
    table([...header, ...REQUEST_ROWS.slice(0, split).map((r) => dataRow(r.index))]),
    '<w:p><w:r><w:br w:type="page"/></w:r></w:p>',
    table([...header, ...REQUEST_ROWS.slice(split).map((r) => dataRow(r.index))]),
    para(partTitle(4)),
    para(partTitle(5)),
    para(partTitle(6)),
  ].join('');
  const report = parseDocument(await ingestDocx(await docx(body)), 'field.docx');
  assert.equal(report.department, '临江县交通运输局');
  assert.equal(report.year, 2024);
  // A dash is "not filled" (null, shown to the reviewer as a blank), never silently 0: see cells.ts.
  const expected = values.map((v, r) => v.map((n, c) => (written(n, r, c) === '—' ? null : n)));
  assert.deepEqual(report.tables.requests, expected);
});

function reportBody(tableXml: string): string[] {
  return [para('临江县交通运输局2024年政府信息公开工作年度报告'), para(partTitle(1)), para('2024年，我局认真贯彻《条例》。'), para(partTitle(3)), tableXml, para(partTitle(4)), para(partTitle(5)), para(partTitle(6))];
}
const plainTable = (): string => table([...header, ...REQUEST_ROWS.map((r) => dataRow(r.index))]);
const expectedPlain = (): (number | null)[][] => values.map((v, r) => v.map((n, c) => (written(n, r, c) === '—' ? null : n)));

test('the whole report inside one cell of a layout table', async () => {
  const layout = `<w:tbl><w:tblGrid><w:gridCol/></w:tblGrid>${row([`<w:tc><w:tcPr/>${reportBody(plainTable()).join('')}<w:p/></w:tc>`])}</w:tbl>`;
  const report = parseDocument(await ingestDocx(await docx(layout)), 'layout.docx');
  assert.equal(report.department, '临江县交通运输局');
  assert.deepEqual(report.tables.requests, expectedPlain());
});

test('table 三 inside a text box', async () => {
  const box = `<w:p><w:r><w:pict><v:shape xmlns:v="urn:schemas-microsoft-com:vml"><v:textbox><w:txbxContent>${plainTable()}<w:p/></w:txbxContent></v:textbox></v:shape></w:pict></w:r></w:p>`;
  const body = reportBody(box).join('');
  const report = parseDocument(await ingestDocx(await docx(body)), 'textbox.docx');
  assert.deepEqual(report.tables.requests, expectedPlain());
});

test('table 三 inside a modern text box (DrawingML with its VML fallback): read once', async () => {
  const ns = 'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:v="urn:schemas-microsoft-com:vml"';
  const content = `<w:txbxContent>${plainTable()}<w:p/></w:txbxContent>`;
  const box =
    `<w:p><w:r><mc:AlternateContent ${ns}><mc:Choice Requires="wps"><w:drawing><wp:anchor><wp:extent cx="1" cy="1"/><a:graphic><a:graphicData uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"><wps:wsp><wps:txbx>${content}</wps:txbx></wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing></mc:Choice>` +
    `<mc:Fallback><w:pict><v:shape><v:textbox>${content}</v:textbox></v:shape></w:pict></mc:Fallback></mc:AlternateContent></w:r></w:p>`;
  const doc = await ingestDocx(await docx(reportBody(box).join('')));
  assert.equal(doc.blocks.filter((b) => b.kind === 'table').length, 1);
  const report = parseDocument(doc, 'drawing-textbox.docx');
  assert.deepEqual(report.tables.requests, expectedPlain());
});
