// What the CLI can fail with, as exit codes a script can rely on (docs/cli.md lists them).
export const EXIT = {
  ok: 0,
  /** The input is bad: missing or unreadable file, invalid project, invalid graph, bad CSV. */
  badInput: 1,
  /** The command line is bad: unknown command or option, an option value out of range. */
  usage: 2,
  /** Training ran but diverged (NaN or Infinity, or the loss exploded: core/train/divergence.ts); good weights were kept. */
  diverged: 3,
  /** A bug in bpnn itself. */
  internal: 70,
  /** Stopped with Ctrl-C. */
  interrupted: 130,
} as const;

/** A failure to report as one line on stderr and an exit code; never a stack trace. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode: number = EXIT.badInput,
  ) {
    super(message);
    this.name = 'CliError';
  }
}
