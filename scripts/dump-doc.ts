/**
 * Print what ingest reads from a file, to eyeball: paragraphs as lines, tables as `a | b | c` rows
 * (spanned copies shown in brackets unless --plain), then warnings.
 * Usage: npx tsx scripts/dump-doc.ts <file> [--plain] [--offsets]
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ingest } from '../src/core/ingest/index.ts';
import { IngestError } from '../src/core/document.ts';

const args = process.argv.slice(2);
const file = args.find((arg) => !arg.startsWith('--'));
const plain = args.includes('--plain');
const offsets = args.includes('--offsets');
if (!file) {
  console.error('用法：npx tsx scripts/dump-doc.ts <文件> [--plain] [--offsets]');
  process.exit(2);
}

try {
  const doc = await ingest(path.basename(file), new Uint8Array(readFileSync(file)));
  console.log(`# ${file}  format=${doc.format}${doc.pages ? ` pages=${doc.pages}` : ''}${doc.metaTitle ? `  title=${doc.metaTitle}` : ''}`);
  doc.blocks.forEach((block, index) => {
    const at = offsets ? `@${block.pos.offset ?? '?'}${block.pos.page ? ` p${block.pos.page}` : ''} ` : '';
    if (block.kind === 'paragraph') {
      console.log(`${at}${block.text}`);
      return;
    }
    const width = block.rows[0]?.cells.length ?? 0;
    console.log(`${at}[table #${index}: ${block.rows.length} rows × ${width} columns${block.rowsUncertain ? ', rows uncertain' : ''}]`);
    for (const row of block.rows) {
      const cells = row.cells.map((cell) => (cell.spanned && !plain ? `[${cell.text}]` : cell.text));
      console.log(`  ${cells.join(' | ')}`);
    }
    console.log('[end table]');
  });
  for (const warning of doc.warnings) console.log(`! ${warning}`);
} catch (error) {
  if (error instanceof IngestError) {
    console.error(`读取失败（${error.code}）：${error.message}`);
    process.exit(1);
  }
  throw error;
}
