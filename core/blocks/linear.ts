import { tensorSaid } from '../graph/describe';
import { saying } from '../messages/said';
import { MAX_UNITS } from '../graph/limits';
import { coords, op, sub, sumSaid } from '../inspect/format';
import type { NodeView } from '../inspect/types';
import { Linear } from '../layers/linear';
import { say } from '../messages/text';
import { defineBlock } from './define';
import { defineKind, inferred } from './kind';
import { linearFormat } from './linear-format';

/** Σ_o W[o,k]·Δ[i,o]: the gradient a Linear layer sends back to cell [i, k] of its input, as written-out terms. */
function backTerms(node: NodeView, i: number, k: number): string[] {
  const outF = node.output.shape[1];
  const inF = node.input.shape[1];
  const W = node.params[0].value;
  const g = node.gradOutput!;
  const terms: string[] = [];
  for (let o = 0; o < outF; o++) terms.push(`${op(W[o * inF + k])}·${op(g.data[i * outF + o])}`);
  return terms;
}

export const kind = defineKind({
  type: 'Linear',
  role: 'layer',
  order: 20,
  params: [
    {
      key: 'outFeatures',
      kind: 'int',
      default: 32,
      min: 1,
      max: MAX_UNITS,
      optional: false,
      limitWhy: 'units',
    },
    { key: 'bias', kind: 'boolean', default: true },
  ],
  inferred: inferred<{ inFeatures: number }>(),
  words: {
    en: {
      description: 'A fully connected layer: every output is a weighted sum of all inputs plus a bias (y = xWᵀ + b).',
      outFeatures: {
        label: 'Output features',
        help: 'How many units (neurons) this layer has; its input size comes from the layer before.',
      },
      bias: {
        label: 'Bias',
        help: 'Add a learned bias b to every output.',
      },
    },
    'zh-TW': {
      description: '全連接層：每個輸出都是所有輸入的加權和再加上偏差（y = xWᵀ + b）。',
      outFeatures: {
        label: '輸出特徵數',
        help: '這一層有多少個單元（神經元）；輸入大小由前一層決定。',
      },
      bias: {
        label: '偏差',
        help: '在每個輸出加上一個可學習的偏差 b。',
      },
    },
  },
});

export const block = defineBlock(kind, {
  create: (spec) => new Linear(spec.nodeId, spec.inFeatures, spec.outFeatures, spec.bias),
  batchValues: ({ inSize, outSize }, _backward, inputGrad) => outSize + (inputGrad ? inSize : 0),
  // Its product kernel reads Wᵀ, kept next to W.
  extraWeights: (l) => l.inFeatures * l.outFeatures,
  weighted: true,
  tensors: (l): Record<string, number[]> => (l.bias ? { weight: [l.outFeatures, l.inFeatures], bias: [l.outFeatures] } : { weight: [l.outFeatures, l.inFeatures] }),
  width: 'units',
  infer({ id, who, params: p, inShape, fail }) {
    if (inShape.length !== 1) {
      return fail({
        code: 'needs-flatten',
        ...saying(say('graph.shape.needsFlatten', { node: who, tensor: tensorSaid(inShape) })),
      });
    }
    const inFeatures = inShape[0];
    if (p.outFeatures === null) return { outputShape: null, paramCount: 0, layer: null, problem: null };
    const paramCount = inFeatures * p.outFeatures + (p.bias ? p.outFeatures : 0);
    return {
      outputShape: [p.outFeatures],
      paramCount,
      layer: { nodeId: id, type: 'Linear', inFeatures, outFeatures: p.outFeatures, bias: p.bias },
      problem: null,
    };
  },
  explain: {
    symbol: 'z',
    deltaRule: true,
    output({ node, index, ys, xs, k }) {
      const [i, o] = coords(node.output.shape, index);
      const inF = node.input.shape[1];
      const W = node.params[0].value;
      const b = node.params.find((p) => p.name === 'bias');
      const terms: string[] = [];
      for (let j = 0; j < inF; j++) terms.push(`${op(node.input.data[i * inF + j])}·${op(W[o * inF + j])}`);
      if (b) terms.push(op(b.value[o]));
      const formula = `${ys}[i,o] = Σₖ ${xs}[i,k]·W${k}[o,k]${b ? ` + b${k}[o]` : ''}   (${ys} = ${xs}·W${k}ᵀ${b ? ` + b${k}` : ''})`;
      return { formula, filled: sumSaid(terms, 8) };
    },
    gradInput({ node, index, xs, k }) {
      const [i, kk] = coords(node.input.shape, index);
      return { formula: `∂L/∂${xs}[i,k] = Σ_o Δ${k}[i,o]·W${k}[o,k]   (Δ${k}·W${k})`, filled: sumSaid(backTerms(node, i, kk), 8) };
    },
    weightWhere: ([unit, input]) => say('why.linear.weight', { input, unit }),
    gradParam({ node, param, index, n, xs, k }) {
      const d = node.gradOutput!;
      const outF = node.output.shape[1];
      const inF = node.input.shape[1];
      if (param === 'weight') {
        const [o, j] = coords(node.params[0].shape, index);
        const terms: string[] = [];
        for (let i = 0; i < n; i++) terms.push(`${op(d.data[i * outF + o])}·${op(node.input.data[i * inF + j])}`);
        return { formula: `∂L/∂W${k}[o,k] = Σᵢ Δ${k}[i,o]·${xs}[i,k]   (∂L/∂W${k} = Δ${k}ᵀ·${xs})`, filled: sumSaid(terms, 8) };
      }
      const terms: string[] = [];
      for (let i = 0; i < n; i++) terms.push(op(d.data[i * outF + index]));
      return { formula: `∂L/∂b${k}[o] = Σᵢ Δ${k}[i,o]`, filled: sumSaid(terms, 8) };
    },
    sendsBack(node) {
      const ks = sub(node.layerNumber);
      return {
        rule: (ys) => `∂L/∂${ys}[i,k] = Σ_o W${ks}[o,k]·Δ${ks}[i,o]   (= (Δ${ks}·W${ks})[i,k], i.e. W${ks}ᵀ·Δ${ks})`,
        short: `(W${ks}ᵀ·Δ${ks})`,
        terms: (i, k) => backTerms(node, i, k),
      };
    },
  },
  format: linearFormat,
});
