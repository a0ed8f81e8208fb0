// Pure edits of a project graph: each returns a new graph (or the same object when nothing
// changed, so the store can skip empty undo steps). No React, no store.
import { nodeId, type NodeId, type NodeType, type ProjectEdge, type ProjectNode } from '../../core/index';

export interface XY {
  x: number;
  y: number;
}

export interface Graph {
  nodes: ProjectNode[];
  edges: ProjectEdge[];
}

/** What copy puts on the clipboard: the nodes and the edges between them. */
export interface Clip {
  nodes: ProjectNode[];
  edges: ProjectEdge[];
}

/**
 * Same nodes (ids, types, params) and edges, positions aside: caches of anything computed from
 * the network (validation, predictions) can key on this so dragging a block recomputes nothing.
 */
export function sameTopology(a: Graph, b: Graph): boolean {
  if (a === b) return true;
  if (a.edges !== b.edges || a.nodes.length !== b.nodes.length) return false;
  return a.nodes.every((n, i) => {
    const m = b.nodes[i];
    return n.id === m.id && n.type === m.type && n.params === m.params;
  });
}

/** The clipboard form of some nodes: them and the edges between them. */
export function clipOf(g: Graph, nodeIds: readonly string[]): Clip {
  const ids = new Set(nodeIds);
  return {
    nodes: g.nodes.filter((n) => ids.has(n.id)),
    edges: g.edges.filter((e) => ids.has(e.source) && ids.has(e.target)),
  };
}

/** A readable unique id: the kind in lower case plus the smallest free number (linear1, linear2…). */
export function freshNodeId(type: NodeType, taken: ReadonlySet<string>): NodeId {
  const base = type.toLowerCase();
  for (let i = 1; ; i++) {
    const id = `${base}${i}`;
    if (!taken.has(id)) return nodeId(id);
  }
}

export const edgeIdFor = (source: string, target: string): string => `e-${source}-${target}`;

export function addNodeTo(
  g: Graph,
  type: NodeType,
  position: XY,
  params: Record<string, number | boolean> = {},
): { graph: Graph; id: NodeId } {
  const id = freshNodeId(type, new Set(g.nodes.map((n) => n.id)));
  const node: ProjectNode = { id, type, params: { ...params }, position: { x: position.x, y: position.y } };
  return { graph: { ...g, nodes: [...g.nodes, node] }, id };
}

export function setPositions(g: Graph, positions: Record<string, XY>): Graph {
  let changed = false;
  const nodes = g.nodes.map((n) => {
    const p = positions[n.id];
    if (!p || (p.x === n.position.x && p.y === n.position.y)) return n;
    changed = true;
    return { ...n, position: { x: p.x, y: p.y } };
  });
  return changed ? { ...g, nodes } : g;
}

export function deleteFromGraph(g: Graph, nodeIds: readonly string[], edgeIds: readonly string[]): Graph {
  const dropNodes = new Set(nodeIds);
  const dropEdges = new Set(edgeIds);
  const nodes = g.nodes.filter((n) => !dropNodes.has(n.id));
  const edges = g.edges.filter((e) => !dropEdges.has(e.id) && !dropNodes.has(e.source) && !dropNodes.has(e.target));
  if (nodes.length === g.nodes.length && edges.length === g.edges.length) return g;
  return { nodes, edges };
}

export function addEdge(g: Graph, source: string, target: string): Graph {
  if (source === target) return g;
  const ids = new Set<string>(g.nodes.map((n) => n.id));
  if (!ids.has(source) || !ids.has(target)) return g;
  if (g.edges.some((e) => e.source === source && e.target === target)) return g;
  let id = edgeIdFor(source, target);
  const taken = new Set(g.edges.map((e) => e.id));
  for (let i = 2; taken.has(id); i++) id = `${edgeIdFor(source, target)}-${i}`;
  return { ...g, edges: [...g.edges, { id, source: nodeId(source), target: nodeId(target) }] };
}

/** Makes `source` the only input of `target` (null: no input). */
export function setInput(g: Graph, target: string, source: string | null): Graph {
  const incoming = g.edges.filter((e) => e.target === target);
  if (source === null ? incoming.length === 0 : incoming.length === 1 && incoming[0].source === source) return g;
  const rest = { ...g, edges: g.edges.filter((e) => e.target !== target) };
  return source === null ? rest : addEdge(rest, source, target);
}

/**
 * Moves an input one place earlier (-1) or later (+1) among the inputs of its target: swaps the
 * edge with the neighbouring edge into the same block in `g.edges`, whose order is the order a
 * Concat joins its inputs (docs/format.md). The first input moved up, or the last down, is a no-op.
 */
export function moveInput(g: Graph, edgeId: string, delta: -1 | 1): Graph {
  const i = g.edges.findIndex((e) => e.id === edgeId);
  if (i < 0) return g;
  const target = g.edges[i].target;
  let j = i + delta;
  while (j >= 0 && j < g.edges.length && g.edges[j].target !== target) j += delta;
  if (j < 0 || j >= g.edges.length) return g;
  const edges = [...g.edges];
  [edges[i], edges[j]] = [edges[j], edges[i]];
  return { ...g, edges };
}

export function setParams(g: Graph, id: string, patch: Record<string, number | boolean>): Graph {
  const node = g.nodes.find((n) => n.id === id);
  if (!node) return g;
  if (Object.entries(patch).every(([k, v]) => node.params[k] === v)) return g;
  const nodes = g.nodes.map((n) => (n.id === id ? { ...n, params: { ...n.params, ...patch } } : n));
  return { ...g, nodes };
}

/** Inserts copies of the clip's nodes (fresh ids) and of the edges among them. */
export function pasteInto(g: Graph, clip: Clip, offset: XY): { graph: Graph; ids: NodeId[] } {
  if (clip.nodes.length === 0) return { graph: g, ids: [] };
  const taken = new Set(g.nodes.map((n) => n.id));
  const rename = new Map<string, NodeId>();
  const added: ProjectNode[] = [];
  for (const n of clip.nodes) {
    const id = freshNodeId(n.type, taken);
    taken.add(id);
    rename.set(n.id, id);
    added.push({ id, type: n.type, params: { ...n.params }, position: { x: n.position.x + offset.x, y: n.position.y + offset.y } });
  }
  let graph: Graph = { ...g, nodes: [...g.nodes, ...added] };
  for (const e of clip.edges) {
    const s = rename.get(e.source);
    const t = rename.get(e.target);
    if (s && t) graph = addEdge(graph, s, t);
  }
  return { graph, ids: added.map((n) => n.id) };
}

export const TIDY_SPACING = { x: 220, y: 140 };

/**
 * Left-to-right layout: each weakly connected part becomes a row, its nodes ordered by
 * longest path from the part's sources (a chain is a straight line); parts holding an
 * Input come first. A part longer than `maxColumns` wraps onto further rows, read like
 * text. Rows start at the leftmost current x and the topmost current y.
 */
export function tidyGraph(g: Graph, maxColumns = Number.POSITIVE_INFINITY, spacing: XY = TIDY_SPACING): Graph {
  const wrap = Math.max(1, Math.floor(maxColumns));
  if (g.nodes.length === 0) return g;
  const index = new Map(g.nodes.map((n, i) => [n.id as string, i]));
  const out = new Map<string, string[]>();
  const inDeg = new Map<string, number>(g.nodes.map((n) => [n.id, 0]));
  const undirected = new Map<string, string[]>(g.nodes.map((n) => [n.id, []]));
  for (const e of g.edges) {
    if (!index.has(e.source) || !index.has(e.target)) continue;
    out.set(e.source, [...(out.get(e.source) ?? []), e.target]);
    inDeg.set(e.target, (inDeg.get(e.target) ?? 0) + 1);
    undirected.get(e.source)!.push(e.target);
    undirected.get(e.target)!.push(e.source);
  }

  // Column = longest path from a source (Kahn's order); nodes on a cycle keep column 0.
  const column = new Map<string, number>(g.nodes.map((n) => [n.id, 0]));
  const deg = new Map(inDeg);
  const queue = g.nodes.filter((n) => deg.get(n.id) === 0).map((n) => n.id as string);
  while (queue.length > 0) {
    const id = queue.shift()!;
    for (const t of out.get(id) ?? []) {
      column.set(t, Math.max(column.get(t)!, column.get(id)! + 1));
      deg.set(t, deg.get(t)! - 1);
      if (deg.get(t) === 0) queue.push(t);
    }
  }

  // Weakly connected parts, in node order, Input parts first.
  const part = new Map<string, number>();
  const parts: string[][] = [];
  for (const n of g.nodes) {
    if (part.has(n.id)) continue;
    const members: string[] = [];
    const stack = [n.id as string];
    part.set(n.id, parts.length);
    while (stack.length > 0) {
      const id = stack.pop()!;
      members.push(id);
      for (const m of undirected.get(id)!) {
        if (!part.has(m)) {
          part.set(m, parts.length);
          stack.push(m);
        }
      }
    }
    parts.push(members);
  }
  const typeOf = (id: string) => g.nodes[index.get(id)!].type;
  parts.sort((a, b) => Number(b.some((id) => typeOf(id) === 'Input')) - Number(a.some((id) => typeOf(id) === 'Input')));
  // Blocks not wired to anything yet (a network just dropped onto the canvas) share one row,
  // wrapped like a chain, in the order they were added: one above the other they make a column
  // that Zoom to fit can only show too small to wire.
  const loose = parts.filter((m) => m.length === 1 && undirected.get(m[0])!.length === 0);
  if (loose.length > 1) {
    const first = parts.indexOf(loose[0]);
    const row = loose.map((m) => m[0]);
    row.forEach((id, i) => column.set(id, i));
    parts.splice(0, parts.length, ...parts.slice(0, first).filter((m) => !loose.includes(m)), row, ...parts.slice(first).filter((m) => !loose.includes(m)));
  }

  const x0 = Math.min(...g.nodes.map((n) => n.position.x));
  const y0 = Math.min(...g.nodes.map((n) => n.position.y));
  const positions: Record<string, XY> = {};
  let row = 0;
  for (const members of parts) {
    // Nodes sharing a column within a part (branches) stack into extra rows.
    const used = new Map<number, number>();
    members.sort((a, b) => index.get(a)! - index.get(b)!);
    const lane = new Map<string, number>();
    let lanes = 1;
    let blocks = 1;
    for (const id of members) {
      const c = column.get(id)!;
      const k = used.get(c) ?? 0;
      used.set(c, k + 1);
      lane.set(id, k);
      lanes = Math.max(lanes, k + 1);
      blocks = Math.max(blocks, Math.floor(c / wrap) + 1);
    }
    for (const id of members) {
      const c = column.get(id)!;
      const block = Math.floor(c / wrap);
      positions[id] = {
        x: x0 + (c % wrap) * spacing.x,
        y: y0 + (row + block * lanes + lane.get(id)!) * spacing.y,
      };
    }
    row += blocks * lanes;
  }
  return setPositions(g, positions);
}
