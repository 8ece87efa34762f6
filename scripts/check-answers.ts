import { readFileSync, readdirSync } from 'node:fs';
import { ingest } from '/work/main/src/core/ingest/index.ts';
import { parseDocument } from '/work/main/src/core/parse/index.ts';
const dir = process.argv[2]!;
const answers = JSON.parse(readFileSync(dir + '/answers.json', 'utf8'));
let ok = 0, bad = 0;
for (const f of readdirSync(dir).sort()) {
  if (!answers[f]) continue;
  if (process.argv[3] && !f.endsWith(process.argv[3])) continue;
  let r;
  try { r = parseDocument(await ingest(f, new Uint8Array(readFileSync(dir + '/' + f))), f); } catch (e) { console.log(f, 'ERR', (e as Error).message); bad++; continue; }
  const a = answers[f];
  const errs: string[] = [];
  if (a.department !== undefined && a.department !== r.department) errs.push(`dept ${r.department} != ${a.department}`);
  if (a.year !== undefined && a.year !== r.year) errs.push(`year ${r.year} != ${a.year}`);
  if (a.generation !== undefined && a.generation !== r.generation) errs.push(`gen ${r.generation} != ${a.generation}`);
  if (a.tables) for (const t of ['active','requests','review'] as const) {
    const exp = JSON.stringify(a.tables[t]); const got = JSON.stringify(r.tables[t]);
    if (exp !== got) errs.push(`${t}: got ${got?.slice(0,300)} exp ${exp?.slice(0,300)}`);
  }
  if (errs.length) { bad++; console.log(f, '\n   ' + errs.join('\n   ')); } else ok++;
}
console.log('ok', ok, 'bad', bad);
