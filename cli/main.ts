// The `bpnn` command line: train, validate and predict with .bpnn projects. Every failure
// ends as one line on stderr and a documented exit code (cli/errors.ts); a stack trace
// reaching the user is a bug, so a guard at the top catches whatever slips through.
import { Command, CommanderError } from 'commander';
import { CliError, EXIT } from './errors';
import { MAX_EPOCHS, wholeNumber } from './options';
import { trainCommand, type TrainOptions } from './train';
import { validateCommand } from './validate';
import { predictCommand } from './predict';
import { registerSweep } from './sweep';

const SEED_LIMIT = 2 ** 31 - 1;

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
      outputError: (s, write) => write(`bpnn: ${oneLine(s.replace(/^error:\s*/i, ''))}\n`),
    });

  program
    .command('train')
    .description("train a project with its own settings, starting from its stored weights when it has them")
    .argument('<project>', 'the .bpnn project to train')
    .option('--epochs <n>', 'train for this many epochs instead of the project\'s setting', wholeNumber('--epochs', 1, MAX_EPOCHS))
    .option('--seed <s>', 'use this seed instead of the project\'s (weights, shuffling, split)', wholeNumber('--seed', -SEED_LIMIT, SEED_LIMIT))
    .option('--out <file>', 'write the trained project (weights and a run record) to this file')
    .option('--weights <file>', 'export the trained weights as JSON to this file')
    .option('--json', 'print only JSON lines: progress events, then a done or diverged event')
    .action(async (project: string, opts: TrainOptions) => {
      process.exitCode = await trainCommand(project, opts);
    });

  program
    .command('validate')
    .description('check a project (file format, graph, loss and data) and print each problem with its path, or ok')
    .argument('<project>', 'the .bpnn project to check')
    .action((project: string) => {
      process.exitCode = validateCommand(project);
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

  registerSweep(program);

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
  fail(`internal error: ${e instanceof Error ? e.message : String(e)} (this is a bug in bpnn; please report it)`, EXIT.internal);
process.on('uncaughtException', internal);
process.on('unhandledRejection', internal);

await main(process.argv).catch(internal);
