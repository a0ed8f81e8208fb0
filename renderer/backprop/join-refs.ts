// What the Backprop tab shows at the joins of a graph: which block each input of a join
// comes from, where each number of an input's Δ comes from (each join's definition says),
// and which blocks a fan-out's Δ is summed from. Every cell maps to a number core can explain
// (ValueRef), so clicking it shows the right "why".
import { joinOf, type NodeId, type NodeView, type StepperView, type ValueRef } from '../../core/index';

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

/** Cell `index` of the join's i-th input gradient as a cell of the join's output gradient (its definition knows how). */
export function joinGradIndex(node: NodeView, i: number, index: number): number {
  const shapes = (node.inputs ?? [node.input]).map((m) => m.shape);
  return joinOf(node.type)?.gradIndex(shapes, i, index) ?? index;
}
