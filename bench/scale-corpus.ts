/**
 * The bench corpus × N for the scaling run, written to a temp folder:
 *  - variant 0 is the corpus as is;
 *  - variants 1..N-1 of every .txt and .docx have the department name (from answers.json) rewritten to a
 *    new county-level department ("<county>·<name>"), so each variant adds new departments to the same year
 *    — the worst case for the peer comparison;
 *  - variants of a .pdf (whose text cannot be rewritten) get a comment appended after %%EOF: new bytes,
 *    same content — resubmitted versions of the same department's report.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import JSZip from 'jszip';

const COUNTIES = ['甲山县', '乙水县', '丙川县', '丁原县', '戊湖县', '己岭县', '庚溪县', '辛桥县', '壬港县', '癸林县', '子城县', '丑河县'];

function variantName(department: string, v: number): string {
  const county = COUNTIES[(v - 1) % COUNTIES.length]!;
  return `${county}${department}${v > COUNTIES.length ? Math.ceil(v / COUNTIES.length) : ''}`;
}

export async function buildScaledCorpus(dir: string, scale: number): Promise<{ dir: string; note: string; cleanup: () => void }> {
  const answers = JSON.parse(fs.readFileSync(path.join(dir, 'answers.json'), 'utf8')) as Record<string, { department?: string }>;
  const out = fs.mkdtempSync(path.join(os.tmpdir(), 'ogi-bench-scale-'));
  let rewritten = 0;
  let unchangedDocx = 0;
  for (const name of Object.keys(answers).sort()) {
    const src = path.join(dir, name);
    const ext = path.extname(name).toLowerCase();
    const bytes = fs.readFileSync(src);
    fs.writeFileSync(path.join(out, name), bytes);
    const department = answers[name]!.department;
    for (let v = 1; v < scale; v++) {
      const target = path.join(out, `v${v}-${name}`);
      if (ext === '.txt' && department) {
        fs.writeFileSync(target, bytes.toString('utf8').split(department).join(variantName(department, v)));
        rewritten++;
      } else if (ext === '.docx' && department) {
        const zip = await JSZip.loadAsync(bytes);
        const doc = zip.file('word/document.xml');
        const xml = doc ? await doc.async('string') : '';
        const changed = xml.split(department).join(variantName(department, v));
        if (changed === xml) unchangedDocx++;
        zip.file('word/document.xml', changed);
        // A docx whose name is split across runs keeps its department: mark it so its bytes still differ.
        zip.file('docProps/custom-bench.xml', `<variant>${v}</variant>`);
        fs.writeFileSync(target, await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }));
        rewritten++;
      } else {
        fs.writeFileSync(target, Buffer.concat([bytes, Buffer.from(`\n%bench variant ${v}\n`)]));
      }
    }
  }
  const note =
    `.txt/.docx department names rewritten per variant (${rewritten} files, ${unchangedDocx} .docx kept their name: split across runs), ` +
    `.pdf variants = same content with a trailing comment (resubmitted versions)`;
  return { dir: out, note, cleanup: () => fs.rmSync(out, { recursive: true, force: true }) };
}
