import { writeFile } from 'node:fs/promises';
import { PdfPrinter } from '../src/main/print/pdf.ts';
const printer = await PdfPrinter.launch({ embedFont: false });
const variants: Record<string, string> = {
  a: `@bottom-left { content: "SHA abc"; font-size: 6.5pt; } @bottom-right { content: "第 " counter(page) " 页"; }`,
  b: `@bottom-left { content: "原件 SHA-256：c840e34231e5a4b2d63073b027f282456e8b7ae9ca0aa81f5b3578e4f5e9eea6　审核引擎 0.1.0"; font-size: 6.5pt; } @bottom-right { content: "第 " counter(page) " 页"; }`,
  c: `@bottom-center { content: "原件 SHA-256：c840e34231e5a4b2d63073b027f282456e8b7ae9ca0aa81f5b3578e4f5e9eea6　审核引擎 0.1.0  第 " counter(page) " 页"; font-size: 6.5pt; }`,
};
for (const [k, v] of Object.entries(variants)) {
  const html = `<!DOCTYPE html><html><head><style>@page { size: A4; margin: 15mm; ${v} }</style></head><body><p>hello</p></body></html>`;
  await writeFile(`/tmp/print-base/m-${k}.pdf`, await printer.toPdf(html));
}
await printer.close();
