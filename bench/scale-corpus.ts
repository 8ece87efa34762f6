/**
 * The bench corpus × N for the scaling run, written to a temp folder:
 *  - variant 0 is the corpus as is;
 *  - variants 1..N-1 of every .txt and .docx have the department name (from answers.json) rewritten to the
 *    same department of another place (北湖县审计局 → 甲北湖县审计局), so each variant adds new departments to
 *    the same year — the worst case for the peer comparison (their narratives are copies: all fail it);
 *  - variants of a .pdf (whose text cannot be rewritten) get a comment appended after %%EOF: new bytes,
 *    same content — resubmitted versions of the same department's report.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import JSZip from 'jszip';

const MARKS = ['甲', '乙', '丙', '丁', '戊', '己', '庚', '辛', '壬', '癸', '子', '丑', '寅', '卯', '辰', '巳', '午', '未', '申', '酉'];

/**
 * Another county's department of the same kind: the leading place gets a mark (北湖县审计局 → 甲北湖县审计局),
 * so the store sees a different place and a new department rather than a version of the original.
 */
function variantName(department: string, v: number): string {
  const mark = MARKS[(v - 1) % MARKS.length]! + (v > MARKS.length ? String(Math.ceil(v / MARKS.length)) : '');
  const place = /^(\p{Script=Han}{2,7}?(?:自治区|自治州|自治县|省|市|县|区|州|旗))(?=\p{Script=Han}{2,})/u.exec(department);
  return place ? `${mark}${department}` : `${mark}县${department}`;
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
