import { num } from '../inspect/format';
import { say } from '../messages/text';
import { Concat } from '../layers/concat';
import { sizeOf } from '../tensor';
import { defineBlock, type JoinDefinition } from './define';
import { defineKind } from './kind';

/** Values per sample of a batched shape [n, ...]. */
const rowSize = (shape: readonly number[]): number => sizeOf(shape.slice(1));

export const kind = defineKind({
  type: 'Concat',
  role: 'join',
  order: 120,
  params: [],
  words: {
    en: {
      description: 'Joins two or more inputs side by side (features, or the channels of signals of one length), in the order they are connected.',
    },
    'zh-TW': {
      description: '依連線的順序，把兩個以上的輸入並排相接（特徵，或長度相同之訊號的通道）。',
    },
  },
});

/** How it combines its inputs. */
const concatJoin: JoinDefinition = {
  does: say('graph.join.concatDoes'),
  outShape(shapes) {
    const first = shapes[0];
    if (!shapes.every((s) => s.length === first.length)) {
      return { why: say('graph.join.concatRanks') };
    }
    const lead = shapes.reduce((a, s) => a + s[0], 0);
    if (first.length === 1) return [lead];
    if (!shapes.every((s) => s[1] === first[1])) {
      return { why: say('graph.join.concatLengths') };
    }
    return [lead, first[1]];
  },
  ordered: true,
  // Axis 1 is the feature axis of [N, F] and the channel axis of [N, C, L].
  onnx: () => ({ op: 'Concat', axis: 1 }),
  convention: 'Concat: two or more inputs joined in the order of "inputs", along the last axis of [N, F] or the channel axis of [N, C, L].',
  torch: (xs) => `torch.cat([${xs.join(', ')}], dim=1)`,
  whyOutput({ ys, index, inputs, sources, output }) {
    const [i, rest] = [Math.floor(index / rowSize(output.shape)), index % rowSize(output.shape)];
    let offset = 0;
    for (let k = 0; k < inputs.length; k++) {
      const size = rowSize(inputs[k].shape);
      if (rest < offset + size) {
        const from = sources[k] ?? say('why.concat.input', { n: k + 1 });
        return { formula: say('why.concat.outputFrom', { ys, n: k + 1, from }), filled: num(inputs[k].data[i * size + rest - offset]) };
      }
      offset += size;
    }
    return { formula: say('why.concat.output', { ys }), filled: num(output.data[index]) };
  },
  whyGradInput: (xs, ys, _g, value) => ({ formula: say('why.concat.gradInput', { xs, ys }), filled: num(value) }),
  // Input i's slice of the joined axis (axis 1: features of [N, C], channels of [N, C, L]).
  gradIndex(shapes, i, index) {
    const inner = sizeOf(shapes[i].slice(2));
    const widths = shapes.map((s) => s[1]);
    const total = widths.reduce((a, b) => a + b, 0);
    const offset = widths.slice(0, i).reduce((a, b) => a + b, 0);
    const per = widths[i] * inner;
    const n = Math.floor(index / per);
    return n * total * inner + offset * inner + (index % per);
  },
  gradNote: (sources) => say('why.concat.gradNote', { sources: sources.join(', ') }),
};

export const block = defineBlock(kind, {
  create: (spec) => new Concat(spec.nodeId, spec.inShapes),
  format: null,
  join: concatJoin,
  // Its output and, in backward, one gradient buffer per input (together as large).
  batchValues: ({ outSize }, backward) => outSize + (backward ? outSize : 0),
});
