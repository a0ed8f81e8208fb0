// The canvas ⇄ project graph mapping, pure so it is tested without React. React Flow's nodes
// carry only params in `data`; everything shown on a node (shapes, problems) is looked up by id.
import type { Edge, EdgeChange, Node, NodeChange } from '@xyflow/react';
import type { NodeType, ProjectEdge, ProjectNode } from '../../core/index';
import type { XY } from '../store/graph-edits';
import { t } from '../i18n';

export interface FlowNodeData extends Record<string, unknown> {
  params: Record<string, number | boolean>;
}
export type FlowNode = Node<FlowNodeData, NodeType>;

/**
 * A connection on the canvas; one into a Linear node can show that node's weights
 * (backprop/WeightEdge). `order`: the connection's place among the inputs of a block whose
 * input order matters (Concat joins its inputs in the order of the project's edges), from 1.
 */
export type WeightEdgeData = { intoLinear: boolean; order?: number };
export type WeightFlowEdge = Edge<WeightEdgeData, 'weights'>;

export interface Measured {
  width: number;
  height: number;
}

/**
 * Builds React Flow nodes, reusing the previous object for a node whose project node,
 * selection, size and position are unchanged (React Flow then skips it entirely).
 * `dragged` holds positions of a drag in progress, shown before the store hears of them.
 */
export function toFlowNodes(
  nodes: readonly ProjectNode[],
  selected: ReadonlySet<string>,
  measured: ReadonlyMap<string, Measured>,
  cache: Map<string, { source: ProjectNode; node: FlowNode }>,
  dragged: Readonly<Record<string, XY>> = {},
): FlowNode[] {
  const live = new Set<string>();
  const out = nodes.map((n) => {
    live.add(n.id);
    const m = measured.get(n.id);
    const isSelected = selected.has(n.id);
    const at = dragged[n.id] ?? n.position;
    const hit = cache.get(n.id);
    if (
      hit &&
      hit.source === n &&
      hit.node.position.x === at.x &&
      hit.node.position.y === at.y &&
      hit.node.selected === isSelected &&
      hit.node.measured?.width === m?.width &&
      hit.node.measured?.height === m?.height
    ) {
      return hit.node;
    }
    const node: FlowNode = {
      id: n.id,
      type: n.type,
      position: { x: at.x, y: at.y },
      data: { params: n.params },
      selected: isSelected,
      ...(m ? { measured: { width: m.width, height: m.height } } : {}),
    };
    cache.set(n.id, { source: n, node });
    return node;
  });
  for (const id of [...cache.keys()]) if (!live.has(id)) cache.delete(id);
  return out;
}

/**
 * `flowing`: a run is in progress, so the edges show data moving through the network.
 * `linearTargets`: ids of Linear nodes (their incoming connections can carry a weight heat map).
 * `orderedTargets`: ids of blocks whose inputs are numbered (Concat), each input by its place
 * in `edges`.
 */
export function toFlowEdges(
  edges: readonly ProjectEdge[],
  selected: ReadonlySet<string>,
  flowing = false,
  linearTargets: ReadonlySet<string> = new Set(),
  orderedTargets: ReadonlySet<string> = new Set(),
): WeightFlowEdge[] {
  const seen = new Map<string, number>();
  return edges.map((e) => {
    const order = orderedTargets.has(e.target) ? (seen.get(e.target) ?? 0) + 1 : undefined;
    if (order !== undefined) seen.set(e.target, order);
    return {
      id: e.id,
      type: 'weights' as const,
      data: { intoLinear: linearTargets.has(e.target), ...(order !== undefined ? { order } : {}) },
      source: e.source,
      target: e.target,
      selected: selected.has(e.id),
      animated: flowing,
      ariaLabel: order !== undefined ? t('checks.canvas.edgeInput', { source: e.source, target: e.target, order }) : t('checks.canvas.edge', { source: e.source, target: e.target }),
    };
  });
}

/** What a batch of React Flow node changes means for the stores. */
export interface NodeChangeEffects {
  positions: Record<string, XY>;
  /** 'drag' while a drag is in progress, 'end' when it finished, null when nothing moved. */
  phase: 'drag' | 'end' | null;
  /** The new node selection, or null when the batch did not touch selection. */
  selection: string[] | null;
  measured: { id: string; size: Measured }[];
}

export function readNodeChanges(changes: readonly NodeChange<FlowNode>[], selected: readonly string[]): NodeChangeEffects {
  const positions: Record<string, XY> = {};
  let phase: 'drag' | 'end' | null = null;
  let selection: Set<string> | null = null;
  const measured: { id: string; size: Measured }[] = [];
  for (const c of changes) {
    if (c.type === 'position') {
      if (c.position) positions[c.id] = { x: c.position.x, y: c.position.y };
      if (c.dragging === false) phase = 'end';
      else if (c.position && phase === null) phase = 'drag';
    } else if (c.type === 'select') {
      selection ??= new Set(selected);
      if (c.selected) selection.add(c.id);
      else selection.delete(c.id);
    } else if (c.type === 'dimensions' && c.dimensions) {
      measured.push({ id: c.id, size: { width: c.dimensions.width, height: c.dimensions.height } });
    }
    // 'remove' is ignored: deletion goes through the store (one undo step for nodes and edges).
  }
  return { positions, phase, selection: selection ? [...selection] : null, measured };
}

/** The new edge selection after a batch of edge changes, or null when it did not change. */
export function readEdgeSelection(changes: readonly EdgeChange[], selected: readonly string[]): string[] | null {
  let selection: Set<string> | null = null;
  for (const c of changes) {
    if (c.type !== 'select') continue;
    selection ??= new Set(selected);
    if (c.selected) selection.add(c.id);
    else selection.delete(c.id);
  }
  return selection ? [...selection] : null;
}
