// The ONNX export, checked by the real thing: every example and a network of every block kind
// are exported, run in ONNX Runtime on their training data, and compared with the engine.
import { describe, expect, it } from 'vitest';
import { InferenceSession } from 'onnxruntime-node';
import { exportOnnx, ONNX_METADATA, ONNX_OPSET, type FloatType, type Project } from '../../core/index';
import { int64, onnx } from '../../core/export/onnx-proto';
import { APP_VERSION, EXAMPLES, EXPORTED_KINDS, TOLERANCE, classes, decided, engineRun, everyBlockProject, example, joinsProject, kindsIn, maxDifference, runOnnx, trainBriefly } from './helpers';

const TYPES: FloatType[] = ['float32', 'float64'];

const trained = new Map<string, Project>();
function project(name: string): Project {
  let p = trained.get(name);
  if (!p) trained.set(name, (p = trainBriefly(name === 'every block kind' ? everyBlockProject() : name === 'both joins' ? joinsProject() : example(name))));
  return p;
}

function exported(p: Project, floatType: FloatType): Uint8Array {
  const r = exportOnnx(p, { floatType, appVersion: APP_VERSION });
  if (!r.ok) throw new Error(r.message);
  return r.bytes;
}

describe('ONNX export run in ONNX Runtime', () => {
  it('the every-block network holds every block kind the exporter knows', () => {
    expect([...kindsIn(everyBlockProject())].sort()).toEqual([...EXPORTED_KINDS].sort());
  });

  for (const name of [...EXAMPLES, 'residual-spiral', 'every block kind', 'both joins']) {
    for (const floatType of TYPES) {
      it(`${name}, ${floatType}: outputs equal the engine's within ${TOLERANCE[floatType]} and the classes are the same`, async () => {
        const p = project(name);
        const engine = engineRun(p);
        const ort = await runOnnx(exported(p, floatType), engine.x, engine.n, engine.inputShape, floatType);
        expect(ort.dims).toEqual([engine.n, engine.width]);
        const diff = maxDifference(ort.data, engine.outputs);
        expect(diff).toBeLessThanOrEqual(TOLERANCE[floatType]);
        const sure = decided(engine.outputs, engine.width, TOLERANCE[floatType]);
        // Nearly every sample is decided by more than the tolerance, so the comparison says something.
        expect(sure.filter(Boolean).length).toBeGreaterThanOrEqual(0.95 * engine.n);
        const want = classes(engine.outputs, engine.width);
        const got = classes(ort.data, engine.width);
        expect(got.filter((_, i) => sure[i])).toEqual(want.filter((_, i) => sure[i]));
      });
    }
  }

  it('takes any batch size: one sample gives the same output as in a full batch', async () => {
    const p = project('waves-conv1d');
    const engine = engineRun(p);
    const one = await runOnnx(exported(p, 'float64'), engine.x, 1, engine.inputShape, 'float64');
    expect(one.dims).toEqual([1, engine.width]);
    expect(maxDifference(one.data, engine.outputs.subarray(0, engine.width))).toBeLessThanOrEqual(TOLERANCE.float64);
  });

  it('names the input and output, and records the classes, the prediction rule and the app version', async () => {
    const p = project('spiral-softmax');
    const bytes = exported(p, 'float32');
    const session = await InferenceSession.create(bytes);
    expect(session.inputNames).toEqual(['input']);
    expect(session.outputNames).toEqual(['output']);
    await session.release();
    const model = onnx.ModelProto.decode(bytes);
    expect(model.opsetImport.map((o) => [o.domain, int64(o.version)])).toEqual([['', ONNX_OPSET]]);
    expect(model.producerName).toBe('BPNN Studio');
    expect(model.producerVersion).toBe(APP_VERSION);
    const meta = Object.fromEntries(model.metadataProps.map((m) => [m.key, m.value]));
    expect(JSON.parse(meta[ONNX_METADATA.classes])).toEqual(['0', '1', '2']);
    expect(meta[ONNX_METADATA.appVersion]).toBe(APP_VERSION);
    expect(meta[ONNX_METADATA.prediction]).toMatch(/largest output/);
    const batch = model.graph?.input?.[0].type?.tensorType?.shape?.dim?.[0];
    expect(batch?.dimParam).toBe('N');
  });

  it('writes the joins as ONNX Add and Concat on axis 1, each reading its sources by name', () => {
    const residual = onnx.ModelProto.decode(exported(project('residual-spiral'), 'float32'));
    const add = residual.graph?.node?.find((n) => n.opType === 'Add');
    expect(add?.input).toEqual(['tanh1.out', 'tanh2.out']);
    const joins = onnx.ModelProto.decode(exported(project('both joins'), 'float32'));
    const cat = joins.graph?.node?.find((n) => n.opType === 'Concat');
    expect(cat?.input).toEqual(['tanh.out', 'input']);
    expect(cat?.attribute?.[0]).toMatchObject({ name: 'axis' });
    expect(int64(cat?.attribute?.[0]?.i ?? 0)).toBe(1);
    expect(joins.graph?.node?.find((n) => n.opType === 'Add')?.input).toEqual(['conv2.out', 'conv3.out']);
  });

  it('uses the standard operator for each block in float32: Gemm, Conv, LeakyRelu with its alpha, Softmax on the last axis', () => {
    const model = onnx.ModelProto.decode(exported(project('every block kind'), 'float32'));
    const ops = model.graph?.node?.map((n) => n.opType);
    expect(ops).toEqual(['Conv', 'LeakyRelu', 'Conv', 'Tanh', 'Flatten', 'Gemm', 'Sigmoid', 'Gemm', 'Relu', 'Identity', 'Gemm', 'Softmax']);
    const leaky = model.graph?.node?.find((n) => n.opType === 'LeakyRelu');
    expect(leaky?.attribute?.[0]).toMatchObject({ name: 'alpha', f: Math.fround(0.1) });
    const softmax = model.graph?.node?.find((n) => n.opType === 'Softmax');
    expect(int64(softmax?.attribute?.[0].i)).toBe(-1);
    // Linear without bias: Gemm with no C input.
    expect(model.graph?.node?.find((n) => n.name === 'fc2')?.input).toEqual(['sig.out', 'fc2.weight']);
  });

  it('refuses an untrained project, and a project whose weights no longer fit its graph, with a message', () => {
    const untrained = example('xor');
    expect(exportOnnx(untrained, { appVersion: APP_VERSION })).toEqual({ ok: false, message: expect.stringMatching(/has not been trained yet/), text: expect.objectContaining({ key: 'export.notTrained' }) });
    const p = project('xor');
    const changed: Project = { ...p, graph: { ...p.graph, nodes: p.graph.nodes.map((n) => (n.id === 'fc1' ? { ...n, params: { outFeatures: 5 } } : n)) } };
    expect(exportOnnx(changed, { appVersion: APP_VERSION })).toEqual({ ok: false, message: expect.stringMatching(/fc1.*train again/), text: expect.objectContaining({ key: 'export.wrongShape' }) });
  });
});
