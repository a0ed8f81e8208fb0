// `bpnn import`: an ONNX model made of the blocks the app has, as a .bpnn project with its
// weights. The model file is read with a size bound (node/files/read.ts) before a byte is
// decoded; whatever it holds, the answer is a project or one line saying what is wrong.
import { basename } from 'node:path';
import { MAX_PROJECT_BYTES, importOnnx, serializeProject } from '../core/index';
import { readRegularFileSync } from '../node/files/read';
import { CliError, EXIT } from './errors';
import { cliSay, cliSpoken, cliText } from './text';
import { checkWritable, mib, notRegularText, writeOutput } from './files';
import { fsReason } from './words';

/**
 * Largest model file read. A model that fits a project (at most 64 MiB of JSON, about three
 * million weights) is far smaller in ONNX, whose float64 weights take 8 bytes each.
 */
export const MAX_ONNX_BYTES = MAX_PROJECT_BYTES;

export async function importCommand(path: string, opts: { out: string }): Promise<number> {
  checkWritable(opts.out);
  const read = readRegularFileSync(path, MAX_ONNX_BYTES);
  if (!read.ok) {
    switch (read.reason) {
      case 'not-regular':
        throw new CliError(notRegularText(path, read.kind, 'onnx'));
      case 'too-large':
        throw new CliError(cliText('import.tooLarge', { path, size: mib(read.size), limit: MAX_ONNX_BYTES / 1048576 }));
      case 'unreadable':
        throw new CliError(cliText('import.cannotRead', { path, reason: fsReason(read.error, 'read') }));
    }
  }
  const imported = importOnnx(read.bytes, basename(path));
  if (!imported.ok) throw new CliError(cliText('import.failed', { path, message: cliSpoken(imported) }));
  const saved = serializeProject(imported.project);
  if (!saved.ok) throw new CliError(cliText('import.failed', { path, message: cliSpoken(saved) }));
  await writeOutput(opts.out, saved.text, 'project');
  const layers = imported.project.graph.nodes.length - 1;
  process.stdout.write(`${cliText('import.done', { count: layers, path, out: opts.out })}\n`);
  for (const note of imported.noteTexts) process.stdout.write(`${cliText('import.note', { note: cliSay(note) })}\n`);
  return EXIT.ok;
}
