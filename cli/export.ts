// `bpnn export`: a trained project as an ONNX model (--onnx, float32 or --float64) and/or as a
// PyTorch model.py with the weights file it loads (--pytorch). docs/export.md says what each holds.
import { basename, dirname, join } from 'node:path';
import { exportOnnx, exportPyTorch, exportWeights, ONNX_OPSET } from '../core/index';
import { version } from '../package.json';
import { CliError, EXIT } from './errors';
import { cliSay, cliText } from './text';
import { checkWritable, loadProject, writeOutput } from './files';

export interface ExportOptions {
  onnx?: string;
  float64?: boolean;
  pytorch?: string;
}

/** model.py loads its weights from model.weights.json beside it. */
export function pytorchWeightsPath(modelPy: string): string {
  return join(dirname(modelPy), `${basename(modelPy).replace(/\.py$/i, '')}.weights.json`);
}

export async function exportCommand(path: string, opts: ExportOptions): Promise<number> {
  if (opts.onnx === undefined && opts.pytorch === undefined) {
    throw new CliError(cliText('export.nothing'), EXIT.usage);
  }
  if (opts.float64 && opts.onnx === undefined) throw new CliError(cliText('export.float64'), EXIT.usage);
  const weightsPath = opts.pytorch === undefined ? undefined : pytorchWeightsPath(opts.pytorch);
  for (const target of [opts.onnx, opts.pytorch, weightsPath]) if (target !== undefined) checkWritable(target);
  const project = loadProject(path);

  if (opts.onnx !== undefined) {
    const floatType = opts.float64 ? 'float64' : 'float32';
    const model = exportOnnx(project, { floatType, appVersion: version });
    if (!model.ok) throw new CliError(cliText('export.onnxFailed', { path, message: cliSay(model.text ?? model.message) }));
    await writeOutput(opts.onnx, model.bytes, 'export');
    process.stdout.write(`${cliText('export.onnxDone', { type: floatType, opset: ONNX_OPSET, file: opts.onnx })}\n`);
  }
  if (opts.pytorch !== undefined && weightsPath !== undefined) {
    const code = exportPyTorch(project, { weightsFile: basename(weightsPath), appVersion: version });
    if (!code.ok) throw new CliError(cliText('export.pytorchFailed', { path, message: cliSay(code.text ?? code.message) }));
    const weights = exportWeights(project);
    if (!weights.ok) throw new CliError(cliText('export.pytorchFailed', { path, message: cliSay(weights.text ?? weights.message) }));
    await writeOutput(weightsPath, weights.text, 'export');
    await writeOutput(opts.pytorch, code.text, 'export');
    process.stdout.write(`${cliText('export.pytorchDone', { file: opts.pytorch, weights: weightsPath })}\n`);
  }
  return EXIT.ok;
}
