import { readFile, writeFile } from 'node:fs/promises';
import { PdfPrinter } from '../src/main/print/pdf.ts';
const printer = await PdfPrinter.launch();
const base = await readFile('/tmp/print-base/s1/东平市交通运输局.html', 'utf8');
const variants: Record<string, (s: string) => string> = {
  asis: (s) => s,
  nofont: (s) => s.replace(/(@bottom-left \{\s*content: "[^"]*";)\s*font-family:[^;]*;/, '$1'),
  nospace: (s) => s.replace('　审核引擎', ' · 审核引擎'),
  ascii: (s) => s.replace(/content: "原件[^"]*"/, 'content: "SHA-256 c840e34231e5a4b2d63073b027f282456e8b7ae9ca0aa81f5b3578e4f5e9eea6"'),
  short: (s) => s.replace(/content: "原件[^"]*"/, 'content: "SHA abc"'),
};
for (const [k, f] of Object.entries(variants)) {
  await writeFile(`/tmp/print-base/v-${k}.pdf`, await printer.toPdf(f(base)));
}
await printer.close();
