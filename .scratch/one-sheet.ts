// Scratch: print sheets of a stored year quickly (not committed).
import { writeFile, mkdir } from 'node:fs/promises';
import { openStore } from '../src/main/store/open.ts';
import { loadYearFromStore } from '../src/main/export/from-store.ts';
import { renderSheetHtml, renderNoticeHtml } from '../src/main/engine-documents.ts';
import { PdfPrinter } from '../src/main/print/pdf.ts';
import { embedFonts } from '../src/main/print/fonts.ts';
const [db, year, outDir, filter] = process.argv.slice(2);
const store = await openStore(db!);
const y = await loadYearFromStore(store, Number(year));
await store.close();
await mkdir(outDir!, { recursive: true });
const printer = await PdfPrinter.launch();
for (const r of y.results) {
  const name = r.report?.department ?? 'x';
  if (filter && !name.includes(filter)) continue;
  const html = renderSheetHtml({ result: r, auditedAt: new Date().toISOString(), engineVersion: '0.1.0', decisions: y.decisions[r.file], corrections: y.corrections[r.file], comment: y.comments[r.file] ?? null, rank: { rank: 1, of: 2 } }).html;
  await writeFile(`${outDir}/${name}.html`, html);
  await writeFile(`${outDir}/${name}.pdf`, await printer.toPdf(html));
  const notice = renderNoticeHtml({ result: r, fixBy: '2025-03-31', issuedOn: '2025-03-10', decisions: y.decisions[r.file] }).html;
  await writeFile(`${outDir}/${name}.notice.pdf`, await printer.toPdf(notice));
}
await printer.close();
