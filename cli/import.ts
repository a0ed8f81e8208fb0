// `bpnn import`: an ONNX model made of the blocks the app has, as a .bpnn project with its
// weights. The model file is read with a size bound (node/files/read.ts) before a byte is
// decoded; whatever it holds, the answer is a project or one line saying what is wrong.
import { basename } from 'node:path';
import { MAX_PROJECT_BYTES, importOnnx, serializeProject } from '../core/index';
import { describeFsError } from '../node/files/atomic-write';
import { notRegularMessage, readRegularFileSync } from '../node/files/read';
import { CliError, EXIT } from './errors';
import { cliSpoken } from './text';
import { checkWritable, writeOutput } from './files';

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
        throw new CliError(notRegularMessage(path, read.kind, 'an .onnx model file'));
      case 'too-large':
        throw new CliError(`Cannot import '${path}': it is ${(read.size / 1048576).toFixed(1)} MiB, over the limit of ${MAX_ONNX_BYTES / 1048576} MiB for a model BPNN Studio can hold`);
      case 'unreadable':
        throw new CliError(`Cannot read '${path}': ${describeFsError(read.error, 'read')}`);
    }
  }
  const imported = importOnnx(read.bytes, basename(path));
  if (!imported.ok) throw new CliError(`Cannot import '${path}': ${cliSpoken(imported)}`);
  const saved = serializeProject(imported.project);
  if (!saved.ok) throw new CliError(`Cannot import '${path}': ${cliSpoken(saved)}`);
  await writeOutput(opts.out, saved.text, 'project');
  const layers = imported.project.graph.nodes.length - 1;
  process.stdout.write(`Imported ${layers} layer${layers === 1 ? '' : 's'} from ${path} into ${opts.out}\n`);
  for (const note of imported.notes) process.stdout.write(`Note: ${note}\n`);
  return EXIT.ok;
}
