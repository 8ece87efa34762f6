/**
 * Dev tool: print what the PDF reader makes of a file — paragraphs, and tables as `cell | cell` rows.
 * Usage: npx tsx scripts/dump-pdf.ts file.pdf [--tables] [--time] [--stream]
 */
import { readFile } from 'node:fs/promises';
import { ingestPdf } from '../src/core/ingest/pdf.ts';

const args = process.argv.slice(2);
const tablesOnly = args.includes('--tables');
const files = args.filter((a) => !a.startsWith('--'));
if (files.length === 0) {
  console.error('用法：npx tsx scripts/dump-pdf.ts 文件.pdf [--tables] [--time]');
  process.exit(2);
}
for (const file of files) {
  const started = performance.now();
  const doc = await ingestPdf(new Uint8Array(await readFile(file)), { ignoreRules: args.includes('--stream') });
  const ms = performance.now() - started;
  console.log(`=== ${file}  pages=${doc.pages} title=${doc.metaTitle ?? '-'}${args.includes('--time') ? ` ${ms.toFixed(0)}ms` : ''}`);
  for (const w of doc.warnings) console.log(`! ${w}`);
  for (const block of doc.blocks) {
    if (block.kind === 'paragraph') {
      if (!tablesOnly) console.log(`[p${block.pos.page}] ${block.text}`);
    } else {
      console.log(`[p${block.pos.page}] TABLE ${block.rows.length} rows${block.rowsUncertain ? ' (rows uncertain)' : ''}`);
      for (const row of block.rows) {
        const cells = row.cells.map((c) => (c.spanned ? `^${c.text.slice(0, 6)}` : c.text === '' ? '∅' : c.text));
        console.log(`  p${row.pos.page}: ${cells.join(' | ')}`);
      }
    }
  }
}
