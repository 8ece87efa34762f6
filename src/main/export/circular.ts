/**
 * The draft circular (通报) as circular.docx (docx package), laid out after GB/T 9704: 方正小标宋简体
 * 二号 title, 仿宋_GB2312 三号 body, 黑体 level-1 and 楷体 level-2 headings, A4 with the standard margins.
 * Where the GB fonts are not installed, Word/WPS substitute the fallbacks the font table names (w:altName)
 * and use the Windows fonts named in the runs' other slots.
 */
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import {
  AlignmentType,
  BorderStyle,
  Document,
  LineRuleType,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
  type IRunOptions,
} from 'docx';
import { buildCircularView, type CircularInput, type CircularView } from '../engine-documents.ts';

type FontSlots = NonNullable<Exclude<IRunOptions['font'], string>>;

/** GB font for Chinese text, the common Windows font for Latin text and as the fallback. */
const fonts = (gb: string, fallback: string): FontSlots => ({ eastAsia: gb, ascii: fallback, hAnsi: fallback, cs: fallback });
const TITLE_FONT = fonts('方正小标宋简体', 'SimSun');
const BODY_FONT = fonts('仿宋_GB2312', 'FangSong');
const H1_FONT = fonts('黑体', 'SimHei');
const H2_FONT = fonts('楷体_GB2312', 'KaiTi');
/**
 * The fonts the circular uses with the installed fonts Word/WPS should substitute, in order of preference.
 * docx writes a font table only for embedded fonts, so word/fontTable.xml is written here.
 */
export const FONT_FALLBACKS: { name: string; fallbacks: string[]; family: 'roman' | 'modern' | 'swiss' }[] = [
  { name: '方正小标宋简体', fallbacks: ['华文中宋', '宋体', 'SimSun'], family: 'roman' },
  { name: '仿宋_GB2312', fallbacks: ['仿宋', 'FangSong'], family: 'modern' },
  { name: '黑体', fallbacks: ['SimHei'], family: 'modern' },
  { name: '楷体_GB2312', fallbacks: ['楷体', 'KaiTi'], family: 'modern' },
  { name: '宋体', fallbacks: ['SimSun'], family: 'roman' },
  { name: '华文中宋', fallbacks: ['STZhongsong', '宋体'], family: 'roman' },
  { name: '仿宋', fallbacks: ['FangSong'], family: 'modern' },
  { name: 'SimSun', fallbacks: ['宋体'], family: 'roman' },
  { name: 'FangSong', fallbacks: ['仿宋'], family: 'modern' },
  { name: 'SimHei', fallbacks: ['黑体'], family: 'modern' },
  { name: 'KaiTi', fallbacks: ['楷体'], family: 'modern' },
];

const xmlAttr = (s: string): string => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

/** word/fontTable.xml: each font with its alternative names (comma-separated, ECMA-376 §17.8.3.1), GB2312 charset. */
export function fontTableXml(): string {
  const fontsXml = FONT_FALLBACKS.map(
    (f) =>
      `<w:font w:name="${xmlAttr(f.name)}"><w:altName w:val="${xmlAttr(f.fallbacks.join(','))}"/><w:charset w:val="86"/>` +
      `<w:family w:val="${f.family}"/><w:pitch w:val="${f.family === 'modern' ? 'fixed' : 'variable'}"/></w:font>`,
  ).join('');
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
    '<w:fonts xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">' +
    `${fontsXml}</w:fonts>`
  );
}

/** Half-points: 二号 22pt, 三号 16pt, 四号 14pt. */
const TITLE_SIZE = 44;
const BODY_SIZE = 32;
const TABLE_SIZE = 28;
/** Fixed 28.95pt line pitch (22 lines a page) in twentieths of a point. */
const LINE = 579;
const MM = 56.7;

function run(text: string, font: FontSlots = BODY_FONT, size = BODY_SIZE): TextRun {
  return new TextRun({ text, font, size });
}

function body(text: string, font: FontSlots = BODY_FONT): Paragraph {
  return new Paragraph({ children: [run(text, font)], indent: { firstLine: 640 }, spacing: { line: LINE, lineRule: LineRuleType.EXACT }, alignment: AlignmentType.JUSTIFIED });
}

function cell(text: string, bold = false): TableCell {
  return new TableCell({
    children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ text, font: BODY_FONT, size: TABLE_SIZE, bold })] })],
  });
}

function rankingTable(view: CircularView): Table {
  const border = { style: BorderStyle.SINGLE, size: 4, color: '000000' };
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    columnWidths: [900, 5200, 1300, 1400],
    borders: { top: border, bottom: border, left: border, right: border, insideHorizontal: border, insideVertical: border },
    rows: [
      new TableRow({ tableHeader: true, children: ['名次', '单位', '得分', '等级'].map((h) => cell(h, true)) }),
      ...view.ranking.map((r) => new TableRow({ children: [cell(r.rank), cell(r.department), cell(r.score), cell(r.grade)] })),
    ],
  });
}

const CHINESE_ORDINALS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

export function circularDocument(view: CircularView): Document {
  const problems: Paragraph[] = view.problems.flatMap((p, i) => [
    body(`（${CHINESE_ORDINALS[i] ?? i + 1}）未通过“${p.title}”：${p.departments} 个单位，占 ${p.share}。`, H2_FONT),
    ...p.examples.map((e) => body(`如${e.department}：${e.quote}`)),
  ]);
  const children = [
    new Paragraph({ alignment: AlignmentType.CENTER, spacing: { after: LINE }, children: [run(view.title, TITLE_FONT, TITLE_SIZE)] }),
    new Paragraph({ spacing: { line: LINE, lineRule: LineRuleType.EXACT }, children: [run('各单位：')] }),
    body(view.opening),
    body('一、报送情况', H1_FONT),
    body(view.participationText),
    body('二、审核结果', H1_FONT),
    body(view.gradeText),
    rankingTable(view),
    body('三、存在的主要问题', H1_FONT),
    ...(problems.length > 0 ? problems : [body('本年度审核未发现共性问题。')]),
    body('四、工作要求', H1_FONT),
    ...view.requirements.map((r, i) => body(`${i + 1}．${r}`)),
    new Paragraph({ spacing: { before: LINE * 2 }, alignment: AlignmentType.RIGHT, indent: { right: 640 }, children: [run(view.office)] }),
    new Paragraph({ alignment: AlignmentType.RIGHT, indent: { right: 640 }, children: [run(view.issuedOn)] }),
  ];
  return new Document({
    creator: 'OGI Auditor',
    title: view.title,
    styles: { default: { document: { run: { font: BODY_FONT, size: BODY_SIZE } } } },
    // GB/T 9704: A4, top 37mm, left 28mm, text block 156mm × 225mm.
    sections: [{ properties: { page: { margin: { top: 37 * MM, bottom: 35 * MM, left: 28 * MM, right: 26 * MM } } }, children }],
  });
}

/** Writes circular.docx into outDir and returns its path. */
export async function writeCircular(input: CircularInput, outDir: string): Promise<string> {
  const file = path.join(outDir, 'circular.docx');
  const overrides = [{ path: 'word/fontTable.xml', data: fontTableXml() }];
  await writeFile(file, await Packer.toBuffer(circularDocument(buildCircularView(input)), false, overrides));
  return file;
}
