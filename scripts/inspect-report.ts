/**
 * Dev tool: print what the reader made of files (metadata, parts, the three tables, warnings)
 * so a person can compare with the original. Usage: npx tsx scripts/inspect-report.ts <files…>
 */
import { readFileSync } from 'node:fs';
import { ingest } from '../src/core/ingest/index.ts';
import { parseDocument } from '../src/core/parse/index.ts';

for (const file of process.argv.slice(2)) {
  try {
    const report = parseDocument(await ingest(file, new Uint8Array(readFileSync(file))), file);
    console.log(`== ${file}`);
    console.log(`   单位=${report.department} (${report.departmentSource}) 年度=${report.year} 落款=${report.signedOn} 模板=${report.generation} 繁体=${report.traditional} 页数=${report.pages ?? '-'}`);
    console.log(`   标题=${report.title}`);
    console.log(`   部分=${report.sections.map((s) => (s.found ? s.part : '·')).join('')} 统计期限=${report.statedPeriod ? `${report.statedPeriod.from}..${report.statedPeriod.to}` : '-'}`);
    console.log(`   表二=${JSON.stringify(report.tables.active)}`);
    (report.tables.requests ?? []).forEach((row, i) => console.log(`   表三[${String(i).padStart(2)}]=${JSON.stringify(row)}`));
    if (!report.tables.requests) console.log('   表三=null');
    console.log(`   表四=${JSON.stringify(report.tables.review)}`);
    const extras = report.requestsLabels.filter((l) => l.kind !== 'row');
    if (extras.length) console.log(`   表三额外行=${extras.map((l) => `${l.kind}:${l.label}`).join(' | ')}`);
    for (const w of report.warnings) console.log(`   ! ${w}`);
  } catch (e) {
    console.log(`== ${file}\n   ERROR ${(e as Error).message}`);
  }
}
