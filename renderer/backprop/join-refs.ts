// What the Backprop tab shows at the joins of a graph: which block each input of an Add or a
// Concat comes from, where each number of an input's Δ comes from (an Add passes its Δ
// unchanged to every input; a Concat hands each input its own slice of it), and which blocks
// a fan-out's Δ is summed from. Every cell maps to a number core can explain (ValueRef), so
// clicking it shows the right "why".
import type { NodeId, NodeView, StepperView, ValueRef } from '../../core/index';

/** The blocks that read a node's output (more than one: a fan-out, whose Δ is their sum). */
export function consumersOf(v: StepperView, id: NodeId): NodeId[] {
  return v.nodes.filter((n) => (n.sources ?? []).includes(id)).map((n) => n.nodeId);
}

/** A join's i-th input is its source's output; the data when the source is the Input block. */
export function joinInputRef(v: StepperView, node: NodeView, i: number, index: number): ValueRef {
  const src = node.sources![i];
  if (v.nodes.some((n) => n.nodeId === src)) return { kind: 'output', nodeId: src, index };
  if (i === 0) return { kind: 'input', nodeId: node.nodeId, index };
  // The data: any block that reads the Input shows it as its input (input 0 of a join is its `input`).
  const reader = v.nodes.find((n) => n.sources?.[0] === src) ?? node;
  return { kind: 'input', nodeId: reader.nodeId, index };
}

/**
 * Cell `index` of the join's i-th input gradient as a cell of the join's output gradient: the
 * same cell for an Add; for a Concat, the cell of input i's slice of the joined axis (axis 1:
 * features of [N, C], channels of [N, C, L]).
 */
export function joinGradIndex(node: NodeView, i: number, index: number): number {
  if (node.type !== 'Concat') return index;
  const shapes = (node.inputs ?? [node.input]).map((m) => m.shape);
  const inner = shapes[i].slice(2).reduce((a, b) => a * b, 1);
  const widths = shapes.map((s) => s[1]);
  const total = widths.reduce((a, b) => a + b, 0);
  const offset = widths.slice(0, i).reduce((a, b) => a + b, 0);
  const per = widths[i] * inner;
  const n = Math.floor(index / per);
  return n * total * inner + offset * inner + (index % per);
}
