/** `ogi-audit show <department>`: a department's report for a year: score, problems, versions, rectification. */
import type { Command } from 'commander';
import { openService } from '../service.ts';
import { DB_OPTION_HELP, DEFAULT_DB } from './db-option.ts';
import { terminalSafe as safe } from './terminal-text.ts';
import { DECISION_LABELS, VERDICT_LABELS } from '../../shared/wording.ts';


export function registerShow(program: Command): void {
  program
    .command('show')
    .description('显示某单位某年度年报的审核结果')
    .argument('<department>', '单位名称（可用简称或别名）')
    .option('--db <file|url>', DB_OPTION_HELP, DEFAULT_DB)
    .option('--year <year>', '年度（默认最近一年）')
    .option('--all', '同时列出通过和不适用的检查项')
    .action(async (name: string, opts: { db: string; year?: string; all?: boolean }) => {
      const service = await openService(opts.db);
      try {
        const match = await service.store.departments.match(name);
        if (!match) {
          console.error(`找不到单位“${safe(name)}”`);
          process.exitCode = 2;
          return;
        }
        const reports = (await service.listReports({ latestOnly: true })).filter(
          (r) => r.departmentId === match.id && (opts.year === undefined || r.year === Number(opts.year)),
        );
        const chosen = reports.sort((a, b) => (b.year ?? 0) - (a.year ?? 0))[0];
        if (!chosen) {
          console.error(`单位“${safe(name)}”${opts.year ? `在 ${opts.year} 年度` : ''}没有年报`);
          process.exitCode = 2;
          return;
        }
        const d = await service.getReport({ reportId: chosen.reportId });
        const s = d.summary;
        console.log(`${safe(s.department ?? '')} ${s.year ?? ''} 年度年报（第${s.version}版，共 ${d.versions.length} 版）`);
        console.log(`文件：${safe(s.file)}`);
        console.log(`得分：${s.veto ? `否决：${safe(s.veto)}` : `${s.score ?? '—'} 分 ${s.grade ?? ''}`}　落款日期：${s.signedOn ?? '未识别'}${s.late ? '（逾期）' : ''}`);
        const shown = d.result.findings.filter((f) => opts.all || f.status === 'fail' || f.status === 'uncertain');
        console.log(shown.length ? '问题：' : '未发现问题。');
        for (const f of shown) {
          const points = f.deduction > 0 ? `（扣 ${f.deduction} 分）` : '';
          console.log(`  [${VERDICT_LABELS[f.status]}] ${f.check}：${safe(f.message)}${points}`);
        }
        if (d.fixedSincePrevious.length) {
          console.log('与上一版相比已整改：');
          for (const f of d.fixedSincePrevious) console.log(`  ✓ ${f.check}：${safe(f.message)}`);
        }
        for (const dec of d.decisions) console.log(`审核决定：${dec.check} ${DECISION_LABELS[dec.action]}（${safe(dec.reviewer)}：${safe(dec.reason)}）`);
      } finally {
        await service.close();
      }
    });
}
