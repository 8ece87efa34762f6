/**
 * Reading the office's roster (应报送单位名单) from .csv or .xlsx: one department per row, optional columns
 * for the office's deadline and the date the report was received. A header row is recognised by its words.
 */
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import type { RosterEntryInput } from '../store/store.ts';

const NAME_HEADER = /部门|单位|名称|机关|name/i;
const DEADLINE_HEADER = /截止|期限|deadline/i;
const RECEIVED_HEADER = /收到|报送日期|接收|received/i;

function isoDate(text: string): string | null {
  const m = /(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})/.exec(text);
  if (!m) return null;
  return `${m[1]}-${m[2]!.padStart(2, '0')}-${m[3]!.padStart(2, '0')}`;
}

function splitCsvLine(line: string): string[] {
  const out: string[] = [];
  let cur = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i]!;
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') {
        cur += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cur += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',' || ch === '\t' || ch === '，') {
      out.push(cur);
      cur = '';
    } else cur += ch;
  }
  out.push(cur);
  return out.map((c) => c.trim());
}

function rowsToEntries(rows: string[][], file: string): RosterEntryInput[] {
  const nonEmpty = rows.filter((r) => r.some((c) => c !== ''));
  if (nonEmpty.length === 0) throw new Error(`名单文件 ${file} 是空的`);
  let nameCol = 0;
  let deadlineCol = -1;
  let receivedCol = -1;
  const header = nonEmpty[0]!;
  const hasHeader = header.some((c) => NAME_HEADER.test(c)) && !header.some((c) => /局$|委员会$|办公室$|政府$/.test(c));
  if (hasHeader) {
    nameCol = Math.max(0, header.findIndex((c) => NAME_HEADER.test(c)));
    deadlineCol = header.findIndex((c) => DEADLINE_HEADER.test(c));
    receivedCol = header.findIndex((c) => RECEIVED_HEADER.test(c));
  }
  const body = hasHeader ? nonEmpty.slice(1) : nonEmpty;
  return body
    .map((r) => ({
      name: (r[nameCol] ?? '').trim(),
      deadline: deadlineCol >= 0 ? isoDate(r[deadlineCol] ?? '') : null,
      receivedOn: receivedCol >= 0 ? isoDate(r[receivedCol] ?? '') : null,
    }))
    .filter((e) => e.name !== '');
}

function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((t) => t.text).join('');
    if ('text' in value) return String(value.text);
    if ('result' in value) return String(value.result ?? '');
  }
  return String(value);
}

export async function readRosterFile(file: string): Promise<RosterEntryInput[]> {
  return readRosterBytes(file, fs.readFileSync(file));
}

/** The same from bytes (a roster uploaded in the UI); `file` names it in messages and gives the format. */
export async function readRosterBytes(file: string, bytes: Buffer): Promise<RosterEntryInput[]> {
  const ext = path.extname(file).toLowerCase();
  if (ext === '.xlsx') {
    const wb = new ExcelJS.Workbook();
    try {
      await wb.xlsx.load(bytes as unknown as ArrayBuffer);
    } catch {
      throw new Error(`名单文件 ${file} 无法读取：不是有效的 Excel（.xlsx）文件`);
    }
    const sheet = wb.worksheets[0];
    if (!sheet) throw new Error(`名单文件 ${file} 没有工作表`);
    const rows: string[][] = [];
    sheet.eachRow((row) => {
      const values = row.values as ExcelJS.CellValue[];
      rows.push(values.slice(1).map(cellText).map((s) => s.trim()));
    });
    return rowsToEntries(rows, file);
  }
  if (ext === '.csv' || ext === '.txt') {
    const text = bytes.toString('utf8').replace(/^\uFEFF/, '');
    return rowsToEntries(text.split(/\r?\n/).map(splitCsvLine), file);
  }
  throw new Error(`名单文件 ${file} 格式不支持：请使用 .csv 或 .xlsx`);
}
