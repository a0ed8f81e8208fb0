// The one-input activations' export: same shape out as in, nothing stored, one operator.
import type { NodeType } from '../graph/spec';
import type { BlockFormat } from './format';

/** The one-input activations: same shape out as in, nothing stored. */
export function elementwiseFormat<T extends NodeType>(op: string, torch: string, convention: string): BlockFormat<T> {
  return {
    convention,
    toOnnx: (w, layer, _t, x, y) => w.node(op, layer.nodeId, [x], y),
    onnxOps: [op],
    fromOnnx(r) {
      const n = r.node(0);
      if (n?.opType !== op) return null;
      return { params: {}, outShape: [...r.shape], nodes: 1 };
    },
    torch: () => torch,
  };
}
