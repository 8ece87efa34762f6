/** Hand-written PDFs for tests: numbered objects → bytes with a correct xref, optionally "encrypted". */

/** Serialise `objects` (object 1 is the catalog) into a PDF; `encrypt` adds a Standard security handler. */
export function serializePdf(objects: string[], options: { encrypt?: boolean } = {}): Buffer {
  const all = [...objects];
  if (options.encrypt) {
    const pad = 'A'.repeat(64);
    all.push(`<< /Filter /Standard /V 1 /R 2 /Length 40 /P -44 /O <${pad}> /U <${pad}> >>`);
  }
  let out = '%PDF-1.4\n';
  const offsets: number[] = [];
  all.forEach((body, i) => {
    offsets.push(Buffer.byteLength(out, 'latin1'));
    out += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = Buffer.byteLength(out, 'latin1');
  out += `xref\n0 ${all.length + 1}\n0000000000 65535 f \n`;
  for (const off of offsets) out += `${String(off).padStart(10, '0')} 00000 n \n`;
  const encrypt = options.encrypt ? ` /Encrypt ${all.length} 0 R /ID [<0123456789ABCDEF0123456789ABCDEF> <0123456789ABCDEF0123456789ABCDEF>]` : '';
  out += `trailer\n<< /Size ${all.length + 1} /Root 1 0 R${encrypt} >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, 'latin1');
}
