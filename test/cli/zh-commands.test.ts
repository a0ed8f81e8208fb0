// Every command speaks Traditional Chinese under a zh_TW locale: what it prints, on success and
// on broken input, holds no English word but the few the glossary keeps (docs/glossary.zh-TW.md:
// block kinds, formats, option and command names, file names). The same runs under C still say
// what they always said.
import { beforeAll, describe, expect, it } from 'vitest';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { latinLeft } from '../helpers/zh-text';
import { onnx as onnxProto } from '../../core/export/onnx-proto';
import { IMPORTABLE_OPS } from '../../core/export/blocks';
import { ENGLISH_LOCALE, ROOT, bpnn, tempDir, writeTemp, type Run } from './run';

const ZH = { LC_ALL: '', LC_MESSAGES: '', LANG: 'zh_TW.UTF-8' };

/**
 * What stays in English in Chinese output: the program, its commands and options (typed as they
 * are), names of formats and tools, block kinds and the task's name, units and JSON paths of the
 * project file. Nothing else.
 */
const KEPT = [
  'bpnn', 'validate', 'train', '--init-weights', '--export-initial-weights', '--out', '--onnx', '--pytorch', '--float64', '--help', '--epochs', '--seeds', '--vary',
  'ONNX', 'PyTorch', 'CSV', 'opset', 'float32', 'BPNN Studio', 'XOR', 'Linear', 'Sigmoid', 'Tanh', 'Input', 'MiB', 'KB', 'MB', 'GB', 'e-',
  'graph.nodes', 'training.clipNorm', 'format', 'bpnn-project',
];

/** Latin words left in a run's output once its files' paths (the user's names) are taken out. */
function english(r: Run, extra: readonly string[] = []): string[] {
  const text = `${r.stdout}\n${r.stderr}`.replace(/(?:\/[\w.-]+)+/g, ' ');
  return latinLeft(text, [...KEPT, ...extra]);
}

const xorText = readFileSync(join(ROOT, 'examples', 'xor.bpnn'), 'utf8');
/** examples/xor.bpnn without its description (the user's own words) and with a short run. */
function shortXor(dir: string): string {
  const p = JSON.parse(xorText) as { description: string; training: { epochs: number } };
  p.description = '';
  p.training.epochs = 40;
  return writeTemp(dir, 'xor.bpnn', JSON.stringify(p));
}

describe('every command in Traditional Chinese', () => {
  const dir = tempDir();
  const xor = shortXor(dir);
  const trained = join(dir, 'trained.bpnn');
  const onnx = join(dir, 'model.onnx');
  // A trained project for the commands that need one, whichever test runs first.
  beforeAll(() => {
    expect(bpnn(['train', xor, '--out', trained], ROOT, ENGLISH_LOCALE).code).toBe(0);
  });

  it('validate: the memory summary and ok', () => {
    const zh = bpnn(['validate', xor, '--memory-limit', '2GB'], ROOT, ZH);
    expect(zh.code).toBe(0);
    expect(zh.lines).toEqual([expect.stringMatching(/^記憶體：.+（上限 2 GB）：沒有問題$/), '沒有問題']);
    expect(english(zh)).toEqual([]);
    expect(bpnn(['validate', xor, '--memory-limit', '2GB'], ROOT, ENGLISH_LOCALE).lines).toEqual([expect.stringMatching(/^memory: needs about .+ \(limit 2 GB\): ok$/), 'ok']);
  });

  it('train: progress, summary and saving', () => {
    const zh = bpnn(['train', xor, '--out', join(dir, 'zh.bpnn'), '--weights', join(dir, 'w.json')], ROOT, ZH);
    expect(zh.code).toBe(0);
    expect(zh.lines[0]).toBe('訓練 40 個週期……');
    expect(zh.stdout).toMatch(/第 40\/40 個週期 {2}損失 [\d.]+ {2}準確率 [\d.]+%/);
    expect(zh.stdout).toMatch(/訓練了 40 個週期，用時 [\d.]+ (毫秒|秒)\n {2}損失 {12}[\d.]+\n {2}訓練準確率 {6}[\d.]+%\n/);
    expect(english(zh)).toEqual([]);
    const en = bpnn(['train', xor, '--out', join(dir, 'en.bpnn')], ROOT, ENGLISH_LOCALE);
    expect(en.lines[0]).toBe('Training for 40 epochs…');
    expect(en.stdout).toMatch(/epoch 40\/40 {2}loss [\d.]+ {2}accuracy [\d.]+%\nTrained 40 epochs in [\d.]+ m?s\n {2}loss {12}[\d.]+\n {2}train accuracy {2}[\d.]+%\n/);
    expect(en.lines[en.lines.length - 1]).toBe(`Saved the trained project to ${join(dir, 'en.bpnn')}`);
  });

  it('export, import and predict', () => {
    const ex = bpnn(['export', trained, '--onnx', onnx], ROOT, ZH);
    expect(ex.stdout).toBe(`已將 ONNX 模型（float32，opset 17）匯出到 ${onnx}\n`);
    const im = bpnn(['import', onnx, '--out', join(dir, 'back.bpnn')], ROOT, ZH);
    expect(im.code).toBe(0);
    expect(im.lines[0]).toMatch(/^已從 .* 匯入 \d+ 層到 /);
    const points = writeTemp(dir, 'points.csv', 'x1,x2\n0,1\n1,1\n');
    const pr = bpnn(['predict', trained, '--input', points], ROOT, ZH);
    expect(pr.code).toBe(0);
    // Its output is CSV for other programs: the header's column names are data, not words.
    expect(english(pr, ['row', 'class', 'p'])).toEqual([]);
    for (const r of [ex, im]) expect(english(r)).toEqual([]);
    expect(bpnn(['import', onnx, '--out', join(dir, 'en-back.bpnn')], ROOT, ENGLISH_LOCALE).lines[0]).toMatch(/^Imported \d+ layers from .* into .*en-back\.bpnn$/);
  });

  it('sweep: its lines, table and summary', () => {
    const zh = bpnn(['sweep', xor, '--vary', 'lr=0.05,0.5', '--seeds', '2'], ROOT, ZH);
    expect(zh.code).toBe(0);
    expect(zh.lines[0]).toMatch(/^在 \d+ 個工作執行緒上對學習率做參數掃描，共 2 個值 × 2 個隨機種子……$/);
    expect(zh.stdout).toContain('學習率 0.5，隨機種子 2');
    expect(zh.stdout).toMatch(/在 2 個隨機種子上（\d+, \d+）：中位數（範圍）/);
    expect(english(zh)).toEqual([]);
    const en = bpnn(['sweep', xor, '--vary', 'lr=0.05,0.5', '--seeds', '2'], ROOT, ENGLISH_LOCALE);
    expect(en.lines[0]).toMatch(/^Sweeping learning rate over 2 values × 2 seeds on \d+ workers?…$/);
    expect(en.stdout).toMatch(/^Learning rate +state +final loss +train acc +epoch @100% +diverged +time$/m);
    expect(en.stdout).toMatch(/^lr 0\.5, seed \d+ +done /m);
    expect(en.stdout).toMatch(/^4 runs in [\d.]+ m?s; best: /m);
    // --json is for programs: the same English labels in any locale.
    const json = bpnn(['sweep', xor, '--vary', 'lr=0.5', '--seeds', '1', '--json'], ROOT, ZH);
    expect((JSON.parse(json.lines[0]) as { label: string }).label).toBe('lr 0.5');
  });

  it('lab: the findings, their verdicts and details', () => {
    const zh = bpnn(['lab', xor, '--seeds', '1', '--findings', '6'], ROOT, ZH);
    expect(zh.code).toBe(0);
    expect(zh.lines[0]).toMatch(/^在 XOR 上重複實驗課的 1 個發現，每個用 1 個隨機種子（共 2 次訓練，在 \d+ 個工作執行緒上）……$/);
    expect(zh.lines[1]).toMatch(/^發現 6，/);
    expect(english(zh, ['Identity'])).toEqual([]);
    const en = bpnn(['lab', xor, '--seeds', '1', '--findings', '6'], ROOT, ENGLISH_LOCALE);
    expect(en.lines[0]).toMatch(/^Repeating 1 of the lab's findings on XOR over 1 seed each \(2 runs on \d+ workers?\)…$/);
    expect(en.lines[1]).toMatch(/^Finding 6, No activation on XOR: /);
    expect(en.lines[2]).toMatch(/^ {2}the lab: /);
  });

  it('import refuses a non-ONNX file and an unsupported operator in Chinese', () => {
    const csv = writeTemp(dir, 'points.onnx', 'x1,x2\n0,1\n');
    // Relu then an operator no block reads, as another tool writes it: float32, a free batch size.
    const info = (name: string) => ({ name, type: { tensorType: { elemType: 1, shape: { dim: [{ dimParam: 'batch' }, { dimValue: 3 }] } } } });
    const model = onnxProto.ModelProto.create({
      irVersion: 7,
      opsetImport: [{ domain: '', version: 13 }],
      graph: {
        name: 'main_graph',
        node: [{ opType: 'Relu', name: 'r', input: ['x'], output: ['a'] }, { opType: 'Erf', name: 'erf1', input: ['a'], output: ['y'] }],
        input: [info('x')],
        output: [info('y')],
      },
    });
    const erf = join(dir, 'erf.onnx');
    writeFileSync(erf, onnxProto.ModelProto.encode(model).finish());
    const runs: [string, RegExp, string[], RegExp][] = [
      [csv, /^bpnn: 無法匯入「.*points\.onnx」：這不是 ONNX 模型：請開啟由 `bpnn export --onnx`/, ['bpnn export --onnx', 'torch.onnx.export', '.onnx'], /: this is not an ONNX model: open an \.onnx file/],
      // The operators it reads are names, kept as they are.
      [erf, /^bpnn: 無法匯入「.*erf\.onnx」：模型使用了運算子 Erf（節點「erf1」），BPNN Studio 無法匯入；它讀取由 Gemm, MatMul/, ['Erf', 'erf1', ...IMPORTABLE_OPS], /: the model uses the operator Erf \(node 'erf1'\), which BPNN Studio cannot import/],
    ];
    for (const [file, zhLine, names, enLine] of runs) {
      const zh = bpnn(['import', file, '--out', join(dir, 'never.bpnn')], ROOT, ZH);
      expect(zh.code).not.toBe(0);
      expect(zh.stderr.trim()).toMatch(zhLine);
      expect(english(zh, names)).toEqual([]);
      const en = bpnn(['import', file, '--out', join(dir, 'never.bpnn')], ROOT, ENGLISH_LOCALE);
      expect(en.stderr).toMatch(enLine);
    }
  });

  it('broken input: a missing file, a broken project, a bad CSV, a bad option, an unknown command', () => {
    const broken = writeTemp(dir, 'broken.bpnn', '{"format": "something else"}');
    const badCsv = writeTemp(dir, 'bad.csv', '0,abc\n');
    const runs: [string[], RegExp, RegExp][] = [
      [['train', join(dir, 'nope.bpnn')], /^bpnn: 無法讀取專案「.*nope\.bpnn」：找不到這個檔案$/, /^bpnn: Cannot read project '.*nope\.bpnn': no such file$/],
      [['train', broken], /^bpnn: .*broken\.bpnn：format：/, /^bpnn: .*broken\.bpnn: format: /],
      [['predict', trained, '--input', badCsv], /^bpnn: .*bad\.csv：第 1 列第 2 欄：「abc」不是數字$/, /^bpnn: .*bad\.csv: row 1, column 2: 'abc' is not a number$/],
      [['predict', xor, '--input', badCsv], /^bpnn: .*xor\.bpnn：這個專案還沒有訓練過，無法預測/, /the project has not been trained yet, so it cannot predict/],
      [['train', xor, '--epochs', 'abc'], /^bpnn: 選項「--epochs <n>」的值「abc」無效。--epochs 必須是/, /^bpnn: option '--epochs <n>' argument 'abc' is invalid\. --epochs must be a whole number from 1 to 1000000, not 'abc'\.$/],
      [['trian'], /^bpnn: 沒有「trian」這個指令（你是指 train 嗎？）$/, /^bpnn: unknown command 'trian' \(Did you mean train\?\)$/],
      [['export', trained], /^bpnn: 請指定要匯出什麼/, /^bpnn: say what to export: /],
    ];
    for (const [args, zhLine, enLine] of runs) {
      const zh = bpnn(args, ROOT, ZH);
      expect(zh.code, args.join(' ')).not.toBe(0);
      expect(zh.stderr.trim()).toMatch(zhLine);
      // Besides the kept terms: what the user typed (abc, trian), the <n> of an option, and commands to type.
      expect(english(zh, ['bpnn export --help', 'abc', 'trian', 'n', 'model.onnx', 'model.py', 'trained.bpnn'])).toEqual([]);
      expect(bpnn(args, ROOT, ENGLISH_LOCALE).stderr.trim()).toMatch(enLine);
    }
  });
});
