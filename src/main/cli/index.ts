/** The `ogi-audit` command line. Each command lives in its own module and registers itself here. */
import { Command } from 'commander';
import { ENGINE_VERSION } from '../engine.ts';
import { registerAuditCommand, setOutputWriter } from './audit-command.ts';
import { registerExportCommands, writeAuditOutputs } from './export-commands.ts';
import { registerImportCommands } from './store-commands.ts';
import { CliError } from './rubric-option.ts';

const program = new Command();
program
  .name('ogi-audit')
  .description('政府信息公开工作年度报告审核台（命令行）')
  .version(ENGINE_VERSION)
  .showHelpAfterError();

registerAuditCommand(program);
setOutputWriter(writeAuditOutputs);
registerImportCommands(program);
registerExportCommands(program);

try {
  await program.parseAsync(process.argv);
} catch (e) {
  if (e instanceof CliError) {
    console.error(e.message);
    process.exitCode = 2;
  } else {
    throw e;
  }
}
