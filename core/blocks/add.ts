// Add: the element-wise sum of two or more inputs of one shape. Its derivative is 1 for
// every input, so backward hands the output gradient, unchanged, to each of them.
import type { NodeId } from '../graph/spec';
import { num, op, sumSaid } from '../inspect/format';
import { say, type Text } from '../messages/text';
import type { JoinLayer } from '../layers/join';
import { ensure, type Param } from '../layers/layer';
import { EMPTY, sizeOf } from '../tensor';
import { defineBlock, type JoinDefinition } from './define';
import { defineKind } from './kind';

export class Add implements JoinLayer {
  readonly type = 'Add';
  readonly params: readonly Param[] = [];
  readonly inSizes: readonly number[];
  readonly outShape: readonly number[];
  readonly outSize: number;
  private out: Float64Array = EMPTY;
  private readonly grads: Float64Array[];

  constructor(
    readonly nodeId: NodeId,
    readonly inShapes: readonly (readonly number[])[],
  ) {
    this.outShape = inShapes[0];
    this.outSize = sizeOf(inShapes[0]);
    this.inSizes = inShapes.map(() => this.outSize);
    this.grads = inShapes.map(() => EMPTY);
  }

  forward(xs: readonly Float64Array[], n: number): Float64Array {
    const m = n * this.outSize;
    const y = (this.out = ensure(this.out, m));
    const a = xs[0];
    const b = xs[1];
    for (let i = 0; i < m; i++) y[i] = a[i] + b[i];
    for (let k = 2; k < xs.length; k++) {
      const x = xs[k];
      for (let i = 0; i < m; i++) y[i] += x[i];
    }
    return y;
  }

  backward(gradOut: Float64Array): readonly Float64Array[] {
    const g = this.grads;
    for (let k = 0; k < g.length; k++) g[k] = gradOut;
    return g;
  }
}

const same = (a: readonly number[], b: readonly number[]): boolean => a.length === b.length && a.every((d, i) => d === b[i]);

export const kind = defineKind({
  type: 'Add',
  role: 'join',
  order: 110,
  params: [],
  words: {
    en: {
      description: 'Sums two or more inputs of the same shape, element by element: a skip (residual) connection.',
    },
    'zh-TW': {
      description: '把兩個以上形狀相同的輸入逐元素相加：跳躍連接（殘差連接）。',
    },
  },
});

/** How it combines its inputs. */
const addJoin: JoinDefinition = {
  does: say('graph.join.addDoes'),
  outShape: (shapes) =>
    shapes.every((s) => same(s, shapes[0]))
      ? [...shapes[0]]
      : { why: say('graph.join.addShapes') },
  ordered: false,
  // ONNX's Add takes two inputs; Sum takes any number.
  onnx: (inputs) => ({ op: inputs === 2 ? 'Add' : 'Sum' }),
  convention: 'Add: two or more inputs of one shape, summed element by element.',
  torch: (xs) => xs.join(' + '),
  whyOutput: ({ ys, index, inputs, sources }) => {
    const names = sources.map((id) => `‘${id}’`).join(' + ');
    return { formula: names ? say('why.add.outputFrom', { ys, names }) : say('why.add.output', { ys }), filled: sumSaid(inputs.map((m) => op(m.data[index])), 8) };
  },
  whyGradInput: (xs, ys, g) => ({ formula: say('why.add.gradInput', { xs, ys }), filled: num(g) }),
  // Every input's gradient is the output's.
  gradIndex: (_shapes, _i, index) => index,
  // "a and b and c", as it always said: each pair joined by the reader's "and".
  gradNote: (sources) => say('why.add.gradNote', { sources: sources.length ? sources.slice(1).reduce<Text | string>((first, last) => say('describe.and', { first, last }), sources[0]) : '' }),
};

export const block = defineBlock(kind, {
  create: (spec) => new Add(spec.nodeId, spec.inShapes),
  format: null,
  join: addJoin,
  // Its output; backward hands gradOut itself to every input.
  batchValues: ({ outSize }) => outSize,
});
