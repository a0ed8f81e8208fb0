// `bpnn export` and `bpnn import` as a user runs them: files written, the round trip giving the
// same predictions, and every bad input ending in one line on stderr and a non-zero exit.
import { existsSync, readFileSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { exportOnnx, serializeProject } from '../../core/index';
import { floatTensor, intAttr, onnx, type NodeProto, type TensorProto } from '../../core/export/onnx-proto';
import { bpnn, expectOneLineError, tempDir } from '../cli/run';
import { APP_VERSION, example, trainBriefly } from './helpers';

function trainedFile(dir: string, name = 'spiral-softmax'): string {
  const s = serializeProject(trainBriefly(example(name)));
  if (!s.ok) throw new Error(s.message);
  const path = join(dir, `${name}-trained.bpnn`);
  writeFileSync(path, s.text);
  return path;
}

function modelBytes(nodes: NodeProto[], initializer: TensorProto[], inputWidth: number): Uint8Array {
  const io = (name: string, dims: number[]) => ({ name, type: { tensorType: { elemType: 1, shape: { dim: dims.map((d) => ({ dimValue: d })) } } } });
  return onnx.ModelProto.encode(
    onnx.ModelProto.create({ irVersion: 8, opsetImport: [{ domain: '', version: 17 }], graph: { node: nodes, initializer, input: [io('x', [1, inputWidth])], output: [io('y', [1, 1])] } }),
  ).finish();
}

describe('bpnn export and bpnn import', () => {
  it('exports ONNX and PyTorch, and the imported ONNX model predicts what the project does', () => {
    const dir = tempDir();
    const trained = trainedFile(dir);
    const onnxFile = join(dir, 'model.onnx');
    const py = join(dir, 'spiral.py');
    const r = bpnn(['export', trained, '--onnx', onnxFile, '--pytorch', py]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.lines).toEqual([`Exported the ONNX model (float32, opset 17) to ${onnxFile}`, `Exported the PyTorch model to ${py} (its weights: ${join(dir, 'spiral.weights.json')})`]);
    expect(readFileSync(py, 'utf8')).toContain('WEIGHTS = Path(__file__).with_name("spiral.weights.json")');
    expect(JSON.parse(readFileSync(join(dir, 'spiral.weights.json'), 'utf8')).format).toBe('bpnn-weights');

    const back = join(dir, 'back.bpnn');
    const imported = bpnn(['import', onnxFile, '--out', back]);
    expect(imported.code).toBe(0);
    expect(imported.lines).toEqual([`Imported 6 layers from ${onnxFile} into ${back}`]);
    const points = join(dir, 'points.csv');
    writeFileSync(points, 'x,y\n0.1,0.2\n-0.8,0.3\n0.5,-0.9\n');
    const before = bpnn(['predict', trained, '--input', points]);
    const after = bpnn(['predict', back, '--input', points]);
    expect(before.code).toBe(0);
    // float32 weights: the six printed decimals agree.
    expect(after.stdout).toBe(before.stdout);
  });

  it('a graph (residual-spiral, a skip connection) goes out and back in: the import validates, predicts the same and trains on', () => {
    const dir = tempDir();
    const trained = trainedFile(dir, 'residual-spiral');
    const onnxFile = join(dir, 'residual.onnx');
    expect(bpnn(['export', trained, '--onnx', onnxFile, '--float64']).code).toBe(0);
    const back = join(dir, 'back.bpnn');
    const imported = bpnn(['import', onnxFile, '--out', back]);
    expect(imported.stderr).toBe('');
    expect(imported.lines).toEqual([`Imported 7 layers from ${onnxFile} into ${back}`]);
    const validated = bpnn(['validate', back]);
    expect(validated.code).toBe(0);
    expect(validated.lines.at(-1)).toBe('ok');
    const points = join(dir, 'points.csv');
    writeFileSync(points, 'x,y\n0.1,0.2\n-0.8,0.3\n0.5,-0.9\n');
    const before = bpnn(['predict', trained, '--input', points]);
    expect(before.code).toBe(0);
    expect(bpnn(['predict', back, '--input', points]).stdout).toBe(before.stdout);
    const again = join(dir, 'again.bpnn');
    const train = bpnn(['train', back, '--epochs', '2', '--json', '--out', again]);
    expect(train.code).toBe(0);
    expect(JSON.parse(train.lines.at(-1) ?? '{}')).toMatchObject({ event: 'done', epochs: 2 });
    expect(existsSync(again)).toBe(true);
  });

  it('--float64 writes a float64 model', () => {
    const dir = tempDir();
    const out = join(dir, 'm.onnx');
    const r = bpnn(['export', trainedFile(dir), '--onnx', out, '--float64']);
    expect(r.code).toBe(0);
    expect(onnx.ModelProto.decode(readFileSync(out)).graph?.input?.[0].type?.tensorType?.elemType).toBe(11);
  });

  it('says what to export when neither format is given, and what --float64 needs (usage, exit 2)', () => {
    const dir = tempDir();
    const trained = trainedFile(dir);
    expectOneLineError(bpnn(['export', trained]), 2, /say what to export: --onnx model\.onnx, --pytorch model\.py/, expect);
    expectOneLineError(bpnn(['export', trained, '--float64', '--pytorch', join(dir, 'm.py')]), 2, /--float64 applies to the ONNX export/, expect);
  });

  it('refuses to export an untrained project', () => {
    const dir = tempDir();
    expectOneLineError(bpnn(['export', 'examples/xor.bpnn', '--onnx', join(dir, 'x.onnx')]), 1, /has not been trained yet, so it has no weights to export/, expect);
    expect(existsSync(join(dir, 'x.onnx'))).toBe(false);
  });

  it('import: a non-ONNX file, a truncated model, an unsupported operator and 10⁹ parameters each end in one clear line', () => {
    const dir = tempDir();
    const out = join(dir, 'out.bpnn');
    const text = join(dir, 'notes.onnx');
    writeFileSync(text, 'these are my notes, not a model\n');
    expectOneLineError(bpnn(['import', text, '--out', out]), 1, /Cannot import '.*notes\.onnx': this is not an ONNX model/, expect);

    const full = exportOnnx(trainBriefly(example('xor')), { appVersion: APP_VERSION });
    if (!full.ok) throw new Error(full.message);
    const cut = join(dir, 'cut.onnx');
    writeFileSync(cut, full.bytes.subarray(0, full.bytes.length >> 1));
    expectOneLineError(bpnn(['import', cut, '--out', out]), 1, /the model is cut short \(the file is truncated\)/, expect);

    const norm = join(dir, 'norm.onnx');
    writeFileSync(norm, modelBytes([{ opType: 'LayerNormalization', name: 'ln', input: ['x', 's'], output: ['y'] }], [floatTensor('s', [4], [1, 1, 1, 1], 'float32')], 4));
    expectOneLineError(bpnn(['import', norm, '--out', out]), 1, /uses the operator LayerNormalization \(node 'ln'\), which BPNN Studio cannot import/, expect);

    const huge = join(dir, 'huge.onnx');
    writeFileSync(huge, modelBytes([{ opType: 'Gemm', input: ['x', 'w'], output: ['y'], attribute: [intAttr('transB', 1)] }], [{ name: 'w', dims: [1, 1_000_000_000], dataType: 1 }], 1_000_000_000));
    expectOneLineError(bpnn(['import', huge, '--out', out]), 1, /has 1 000 000 000 weights, above BPNN Studio's limit/, expect);
    expect(existsSync(out)).toBe(false);
  });

  it('import: a file over the size limit is refused by its size before it is read (docs/reliability.md F1)', () => {
    const dir = tempDir();
    const big = join(dir, 'big.onnx');
    writeFileSync(big, '');
    truncateSync(big, 65 * 1024 * 1024);
    expectOneLineError(bpnn(['import', big, '--out', join(dir, 'o.bpnn')]), 1, /it is 65\.0 MiB, over the limit of 64 MiB/, expect);
  });
});
