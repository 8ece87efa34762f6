/**
 * The `ogi-audit` command line. Each command lives in its own module and registers itself here; only the
 * module of the command being run is loaded (printing, Excel and the database cost ~0.5 s to load and an
 * `audit` of one file needs none of them). Help and unknown commands load them all.
 */
import { Command } from 'commander';
import { ENGINE_VERSION } from '../engine.ts';
import { CliError } from './rubric-option.ts';
import { guardConsole } from './terminal-text.ts';
import { CodedError } from '../../shared/coded-error.ts';

guardConsole();
// `ogi-audit import … | head -1`: the reader went away; stop quietly instead of crashing with EPIPE.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw err;
  });
}

type Registrar = (program: Command) => Promise<void>;

const registerAudit: Registrar = async (program) => {
  const { registerAuditCommand, setOutputWriter } = await import('./audit-command.ts');
  registerAuditCommand(program);
  // `audit … --out DIR` prints through the export module, loaded only when asked for.
  setOutputWriter(async (results, outDir) => (await import('./export-commands.ts')).writeAuditOutputs(results, outDir));
};
const registerStore: Registrar = async (program) => (await import('./store-commands.ts')).registerImportCommands(program);
const registerExport: Registrar = async (program) => (await import('./export-commands.ts')).registerExportCommands(program);

/** Command name → the module that registers it (in the order `--help` lists them). */
const COMMANDS: [string[], Registrar][] = [
  [['audit'], registerAudit],
  [['import', 'list', 'show', 'migrate', 'verify'], registerStore],
  [['export'], registerExport],
];

const program = new Command();
program
  .name('ogi-audit')
  .description('政府信息公开工作年度报告审核台（命令行）')
  .version(ENGINE_VERSION)
  .showHelpAfterError();

const named = process.argv.slice(2).find((arg) => !arg.startsWith('-'));
const wanted = COMMANDS.find(([names]) => named !== undefined && names.includes(named));
for (const [, register] of wanted ? [wanted] : COMMANDS) await register(program);

try {
  await program.parseAsync(process.argv);
} catch (e) {
  // CliError: bad options; CodedError: a store fault (damaged database, full disk) already worded for the reader.
  if (e instanceof CliError || e instanceof CodedError) {
    console.error(e.message);
    process.exitCode = 2;
  } else {
    throw e;
  }
}
