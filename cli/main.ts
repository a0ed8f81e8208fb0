// The `bpnn` command line: train, validate, predict with, export and import .bpnn projects.
// Every failure ends as one line on stderr and a documented exit code (cli/errors.ts); a stack
// trace reaching the user is a bug, so a guard at the top catches whatever slips through.
import { Command, CommanderError } from 'commander';
import { CliError, EXIT } from './errors';
import { EPOCHS_BOUND, SEED_BOUND } from '../core/index';
import { boundedNumber, memorySize } from './options';
import { trainCommand, type TrainOptions } from './train';
import { validateCommand } from './validate';
import { predictCommand } from './predict';
import { registerSweep } from './sweep';
import { registerLab } from './lab';
import { exportCommand, type ExportOptions } from './export';
import { importCommand } from './import';
import { cliText } from './text';
import { usageText } from './usage-text';

function oneLine(message: string): string {
  return message.replace(/\s*\n\s*/g, ' ').trim();
}

function fail(message: string, code: number): never {
  process.stderr.write(`bpnn: ${oneLine(message)}\n`);
  process.exit(code);
}

function buildProgram(): Command {
  const program = new Command('bpnn')
    .description('Train, check and use BPNN Studio projects (.bpnn) from the command line.')
    .version('0.1.0', '-v, --version')
    .showSuggestionAfterError(true)
    .exitOverride()
    .configureOutput({
      writeErr: (s) => process.stderr.write(s),
      outputError: (s, write) => write(`bpnn: ${oneLine(usageText(s.replace(/^error:\s*/i, '').trim()))}\n`),
    });

  program
    .command('train')
    .description("train a project with its own settings, starting from its stored weights when it has them")
    .argument('<project>', 'the .bpnn project to train')
    .option('--epochs <n>', 'train for this many epochs instead of the project\'s setting', boundedNumber('--epochs', EPOCHS_BOUND))
    .option('--seed <s>', 'use this seed instead of the project\'s (weights, shuffling, split)', boundedNumber('--seed', SEED_BOUND))
    .option('--out <file>', 'write the trained project (weights and a run record) to this file')
    .option('--weights <file>', 'export the trained weights as JSON to this file')
    .option('--init-weights <file>', 'start from the weights in this weights JSON file (from --weights, --export-initial-weights or Export weights) instead of the project\'s')
    .option('--export-initial-weights <file>', 'write the weights the run starts from as weights JSON to this file, before training')
    .option('--json', 'print only JSON lines: progress events, then a done or diverged event')
    .option('--memory-limit <size>', "the most memory the run may use, e.g. 512MB or 2GB (default: half of this computer's memory)", memorySize('--memory-limit'))
    .action(async (project: string, opts: TrainOptions) => {
      process.exitCode = await trainCommand(project, opts);
    });

  program
    .command('validate')
    .description('check a project (file format, graph, loss and data) and print each problem with its path, or ok')
    .argument('<project>', 'the .bpnn project to check')
    .option('--memory-limit <size>', "check training against this much memory, e.g. 512MB or 2GB (default: half of this computer's memory)", memorySize('--memory-limit'))
    .action((project: string, opts: { memoryLimit?: number | null }) => {
      process.exitCode = validateCommand(project, opts);
    });

  program
    .command('predict')
    .description('print the predicted class and the class probabilities for every row of a CSV file')
    .argument('<project>', 'a trained .bpnn project')
    .requiredOption('--input <file>', 'CSV file of points, one per row (a header row is optional)')
    .option('--json', 'print one JSON object per row instead of CSV')
    .action((project: string, opts: { input: string; json?: boolean }) => {
      process.exitCode = predictCommand(project, opts);
    });

  program
    .command('export')
    .description('export a trained project for other tools: an ONNX model, a PyTorch model.py, or both (docs/export.md)')
    .argument('<project>', 'a trained .bpnn project')
    .option('--onnx <file>', 'write the network as an ONNX model (float32) to this file')
    .option('--float64', 'write the ONNX model in float64, the precision the app computes in')
    .option('--pytorch <file>', 'write a PyTorch model.py to this file, and the weights it loads next to it (<name>.weights.json)')
    .action(async (project: string, opts: ExportOptions) => {
      process.exitCode = await exportCommand(project, opts);
    });

  program
    .command('import')
    .description('turn an ONNX model made of the blocks BPNN Studio has into a .bpnn project with its weights')
    .argument('<model>', 'the .onnx model file')
    .requiredOption('--out <file>', 'write the project to this file')
    .action(async (model: string, opts: { out: string }) => {
      process.exitCode = await importCommand(model, opts);
    });

  registerSweep(program);
  registerLab(program);

  return program;
}

async function main(argv: string[]): Promise<void> {
  const program = buildProgram();
  if (argv.length <= 2) {
    program.outputHelp();
    process.exitCode = EXIT.usage;
    return;
  }
  try {
    await program.parseAsync(argv);
  } catch (e) {
    if (e instanceof CommanderError) {
      // Help and version are "errors" to commander; they already printed what they should.
      if (e.code === 'commander.helpDisplayed' || e.code === 'commander.version' || e.code === 'commander.help') process.exit(EXIT.ok);
      process.exit(EXIT.usage);
    }
    if (e instanceof CliError) fail(e.message, e.exitCode);
    throw e;
  }
}

// Writing to a closed pipe (bpnn predict … | head) is not an error worth a trace.
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code === 'EPIPE') process.exit(EXIT.ok);
});

const internal = (e: unknown): never =>
  fail(cliText('common.internal', { message: e instanceof Error ? e.message : String(e) }), EXIT.internal);
process.on('uncaughtException', internal);
process.on('unhandledRejection', internal);

await main(process.argv).catch(internal);
