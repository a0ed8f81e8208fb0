// Linear's export: Gemm (y = x·Wᵀ + b, W stored [out, in] as in the app and PyTorch). Read back
// from Gemm in either weight layout, or from MatMul followed by Add, as other exporters write it.
import type { BlockFormat, BlockRead, OnnxReader } from '../export/format';
import { intAttr } from '../export/onnx-proto';
import { batched, biasFrom, floatConst, floatOf, inputs, intOf, out, sizes, takes, transposed, who } from '../export/read';
import type { TensorJson } from '../train/types';

function readLinear(r: OnnxReader): BlockRead {
  const n = r.node(0);
  if (n?.opType !== 'Gemm' && n?.opType !== 'MatMul') return null;
  if (r.shape.length !== 1) return `${who(n)} gets a ${r.shape.length + 1}-D tensor ${batched(r.shape)}; BPNN Studio's Linear takes [N, features]: add a Flatten before it`;
  if (n.input?.[0] !== r.x) return `${who(n)} multiplies the weights by the data in the other order; BPNN Studio reads x·W only`;
  const inF = r.shape[0];
  const w = floatConst(r, n, 1, 'weight');
  if (typeof w === 'string') return w;
  if (n.opType === 'Gemm') {
    if (intOf(n, 'transA', 0) !== 0 || floatOf(n, 'alpha', 1) !== 1 || (inputs(n).length > 2 && floatOf(n, 'beta', 1) !== 1)) {
      return `${who(n)} uses transA, alpha or beta; BPNN Studio reads Gemm as y = x·Wᵀ + b only`;
    }
    const transB = intOf(n, 'transB', 0) !== 0;
    const [a, b] = w.dims;
    if (w.dims.length !== 2 || (transB ? b : a) !== inF) return `${who(n)}: its weight is ${sizes(w.dims)}, which does not fit ${inF} inputs`;
    const outF = transB ? a : b;
    const weight = transB ? Array.from(w.values) : transposed(w.values, inF, outF);
    const weights: Record<string, TensorJson> = { weight: { shape: [outF, inF], data: weight } };
    if (inputs(n).length > 2) {
      const c = floatConst(r, n, 2, 'bias');
      if (typeof c === 'string') return c;
      const bias = biasFrom(c, outF);
      if (!bias) return `${who(n)}: its bias is ${sizes(c.dims)}; BPNN Studio needs one value per output (${outF})`;
      weights.bias = { shape: [outF], data: bias };
    }
    return { params: { outFeatures: outF, bias: weights.bias !== undefined }, weights, outShape: [outF], nodes: 1 };
  }
  if (w.dims.length !== 2 || w.dims[0] !== inF) return `${who(n)}: its weight is ${sizes(w.dims)}, which does not fit ${inF} inputs`;
  const outF = w.dims[1];
  const weights: Record<string, TensorJson> = { weight: { shape: [outF, inF], data: transposed(w.values, inF, outF) } };
  const add = r.node(1);
  if (takes(add, n, 'Add') && inputs(add).length === 2) {
    const other = inputs(add).indexOf(out(n)) === 0 ? 1 : 0;
    const c = floatConst(r, add, other, 'bias');
    const bias = typeof c === 'string' ? null : biasFrom(c, outF);
    if (bias) {
      weights.bias = { shape: [outF], data: bias };
      return { params: { outFeatures: outF, bias: true }, weights, outShape: [outF], nodes: 2 };
    }
  }
  return { params: { outFeatures: outF, bias: false }, weights, outShape: [outF], nodes: 1 };
}

export const linearFormat: BlockFormat<'Linear'> = {
  toOnnx(w, layer, tensors, x, y) {
    const id = layer.nodeId;
    const operands = [x, w.floats(`${id}.weight`, [layer.outFeatures, layer.inFeatures], tensors.weight.data)];
    if (layer.bias) operands.push(w.floats(`${id}.bias`, [layer.outFeatures], tensors.bias.data));
    w.node('Gemm', id, operands, y, [intAttr('transB', 1)]);
  },
  onnxOps: ['Gemm', 'MatMul', 'Add'],
  fromOnnx: readLinear,
  convention: 'Linear: weight is [outFeatures, inFeatures], bias is [outFeatures]; y = x @ weight.T + bias (no bias when "bias" is false).',
  torch: (l) => `nn.Linear(${l.inFeatures}, ${l.outFeatures}${l.bias ? '' : ', bias=False'})`,
};
