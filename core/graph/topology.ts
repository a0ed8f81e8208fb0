// Reads a spec of unknown quality into nodes and edges, and checks its structure: ids,
// types, edges, one Input, no loops, joins with two inputs or more, one output, nothing left
// unconnected.
import { NODE_TYPES, nodeId, type GraphProblem, type NodeId, type NodeType } from './spec';
import { listSaid, nodeSaid, orSaid, pathSaid, quotedSaid, seriesSaid, valueSaid } from './describe';
import { say, type Text } from '../messages/text';
import { saying } from '../messages/said';
import { MAX_EDGES, MAX_NODES } from './limits';
import { JOINS, joinOf } from '../blocks/index';

export interface GraphNode {
  id: NodeId;
  /** null when the spec names a type the engine does not know. */
  type: NodeType | null;
  params: unknown;
}

export interface Graph {
  /** Nodes with a usable, unique id, in spec order. */
  nodes: GraphNode[];
  byId: Map<NodeId, GraphNode>;
  /** Outgoing and incoming neighbours, after dropping unusable and repeated edges. */
  out: Map<NodeId, NodeId[]>;
  in: Map<NodeId, NodeId[]>;
}

const isRecord = (v: unknown): v is Record<string, unknown> =>
  v !== null && typeof v === 'object' && !Array.isArray(v);

const KNOWN_TYPES: ReadonlySet<string> = new Set(NODE_TYPES);

function label(g: Graph, id: NodeId): Text {
  return nodeSaid(g.byId.get(id)?.type ?? null, id);
}

/** Reads nodes and edges; never throws whatever `spec` is. */
export function readGraph(spec: unknown, problems: GraphProblem[]): Graph {
  const g: Graph = { nodes: [], byId: new Map(), out: new Map(), in: new Map() };
  const rawNodes = isRecord(spec) && Array.isArray(spec.nodes) ? spec.nodes : [];
  const rawEdges = isRecord(spec) && Array.isArray(spec.edges) ? spec.edges : [];
  if (rawNodes.length > MAX_NODES || rawEdges.length > MAX_EDGES) {
    problems.push({
      code: 'bad-param',
      ...saying(say('graph.topology.tooBig', { nodes: rawNodes.length, edges: rawEdges.length, maxNodes: MAX_NODES, maxEdges: MAX_EDGES })),
    });
    return g;
  }
  rawNodes.forEach((raw: unknown, i: number) => {
    const rawId = isRecord(raw) ? raw.id : undefined;
    if (typeof rawId !== 'string' || rawId.trim() === '') {
      problems.push({
        code: 'bad-param',
        ...saying(say('graph.topology.noName', { index: i + 1, value: valueSaid(rawId) })),
      });
      return;
    }
    const id = nodeId(rawId);
    const rawType = isRecord(raw) ? raw.type : undefined;
    if (g.byId.has(id)) {
      problems.push({
        code: 'duplicate-id',
        nodeId: id,
        ...saying(say('graph.topology.duplicateId', { name: quotedSaid(id) })),
      });
      return;
    }
    const known = typeof rawType === 'string' && KNOWN_TYPES.has(rawType);
    if (!known) {
      problems.push({
        code: 'unknown-type',
        nodeId: id,
        ...saying(say('graph.topology.unknownType', { name: quotedSaid(id), value: valueSaid(rawType), types: seriesSaid(NODE_TYPES) })),
      });
    }
    const node: GraphNode = { id, type: known ? (rawType as NodeType) : null, params: isRecord(raw) ? raw.params : undefined };
    g.nodes.push(node);
    g.byId.set(id, node);
    g.out.set(id, []);
    g.in.set(id, []);
  });
  readEdges(g, rawEdges, problems);
  return g;
}

function readEdges(g: Graph, rawEdges: unknown[], problems: GraphProblem[]): void {
  const seen = new Set<string>();
  rawEdges.forEach((raw: unknown, i: number) => {
    const s = isRecord(raw) ? raw.source : undefined;
    const t = isRecord(raw) ? raw.target : undefined;
    const sOk = typeof s === 'string' && g.byId.has(nodeId(s));
    const tOk = typeof t === 'string' && g.byId.has(nodeId(t));
    if (!sOk || !tOk) {
      const present = sOk ? nodeId(s as string) : tOk ? nodeId(t as string) : undefined;
      const ends = { index: i + 1, source: valueSaid(s), target: valueSaid(t) };
      problems.push({
        code: 'dangling-edge',
        ...(present ? { nodeId: present } : {}),
        ...saying(say(sOk ? 'graph.topology.edgeToMissing' : tOk ? 'graph.topology.edgeFromMissing' : 'graph.topology.edgeBothMissing', ends)),
      });
      return;
    }
    const source = nodeId(s as string);
    const target = nodeId(t as string);
    // The same connection twice is an artefact of editing, not a second path.
    const key = JSON.stringify([source, target]);
    if (seen.has(key)) return;
    seen.add(key);
    if (g.byId.get(target)?.type === 'Input') {
      problems.push({
        code: 'dangling-edge',
        nodeId: target,
        relatedNodeIds: [source],
        ...saying(say('graph.topology.intoInput', { target: label(g, target), source: label(g, source) })),
      });
      return;
    }
    g.out.get(source)?.push(target);
    g.in.get(target)?.push(source);
  });
}

/**
 * Structure checks on a read graph: one Input, no loops, joins (role 'join') with two or more
 * inputs and every other block with one, everything fed from the Input, one output. Returns
 * the nodes in an order the engine can run them (Input first, the output last), or null.
 */
export function checkTopology(g: Graph, problems: GraphProblem[]): NodeId[] | null {
  const before = problems.length;
  for (const n of g.nodes) {
    const ins = g.in.get(n.id) ?? [];
    const join = n.type === null ? undefined : joinOf(n.type);
    if (!join && ins.length > 1) {
      problems.push({
        code: 'branch',
        nodeId: n.id,
        relatedNodeIds: ins,
        ...saying(say('graph.topology.branch', { node: label(g, n.id), number: ins.length, names: listSaid(ins) })),
      });
    }
    if (join && ins.length < 2) {
      problems.push({
        code: 'join-inputs',
        nodeId: n.id,
        ...(ins.length ? { relatedNodeIds: ins } : {}),
        ...saying(say(ins.length ? 'graph.topology.joinOneInput' : 'graph.topology.joinNoInput', { node: label(g, n.id), names: listSaid(ins), type: n.type as string, does: join.does })),
      });
    }
  }
  const inputs = g.nodes.filter((n) => n.type === 'Input').map((n) => n.id);
  if (inputs.length === 0) {
    problems.push({
      code: 'no-input',
      ...saying(say(g.nodes.length === 0 ? 'graph.topology.empty' : 'graph.topology.noInput')),
    });
  } else if (inputs.length > 1) {
    problems.push({
      code: 'many-inputs',
      nodeId: inputs[1],
      relatedNodeIds: inputs.filter((_, i) => i !== 1),
      ...saying(say('graph.topology.manyInputs', { number: inputs.length, names: listSaid(inputs) })),
    });
  }
  const cycles = findCycles(g);
  for (const cycle of cycles) {
    problems.push({
      code: 'cycle',
      nodeId: cycle[0],
      relatedNodeIds: cycle.slice(1),
      ...saying(cycle.length === 1
        ? say('graph.topology.selfLoop', { node: label(g, cycle[0]) })
        : say('graph.topology.loop', { path: pathSaid([...cycle, cycle[0]]) })),
    });
  }
  if (inputs.length > 0) {
    const linked = reachable(g, inputs, true);
    const fed = reachable(g, inputs, false);
    for (const n of g.nodes) {
      if (!linked.has(n.id)) {
        problems.push({
          code: 'disconnected',
          nodeId: n.id,
          ...saying(say('graph.topology.notConnected', { node: label(g, n.id) })),
        });
      } else if (!fed.has(n.id)) {
        problems.push({
          code: 'disconnected',
          nodeId: n.id,
          ...saying(say('graph.topology.notFed', { node: label(g, n.id) })),
        });
      }
    }
    if (cycles.length === 0) {
      const ends = g.nodes.filter((n) => n.type !== 'Input' && fed.has(n.id) && (g.out.get(n.id) ?? []).length === 0).map((n) => n.id);
      if (ends.length > 1) {
        problems.push({
          code: 'many-outputs',
          nodeId: ends[0],
          relatedNodeIds: ends.slice(1),
          ...saying(say('graph.topology.manyOutputs', { number: ends.length, names: listSaid(ends), joins: orSaid(Object.keys(JOINS)) })),
        });
      }
    }
  }
  if (inputs.length === 1 && (g.out.get(inputs[0]) ?? []).length === 0 && problems.length === before) {
    problems.push({
      code: 'no-layers',
      nodeId: inputs[0],
      ...saying(say('graph.topology.noLayers', { node: label(g, inputs[0]) })),
    });
  }
  if (problems.length > before || inputs.length !== 1) return null;
  return topologicalOrder(g);
}

/** Nodes reached from `from` along connections (either way when `undirected`). */
function reachable(g: Graph, from: NodeId[], undirected: boolean): Set<NodeId> {
  const seen = new Set<NodeId>(from);
  const stack = [...from];
  while (stack.length > 0) {
    const id = stack.pop() as NodeId;
    const next = undirected ? [...(g.out.get(id) ?? []), ...(g.in.get(id) ?? [])] : (g.out.get(id) ?? []);
    for (const w of next) {
      if (!seen.has(w)) {
        seen.add(w);
        stack.push(w);
      }
    }
  }
  return seen;
}

/**
 * Kahn's algorithm, taking the earliest node in spec order among those ready, so the order
 * does not depend on how edges were drawn and a chain keeps its own order. Only for a graph
 * without loops.
 */
export function topologicalOrder(g: Graph): NodeId[] {
  const rank = new Map<NodeId, number>();
  g.nodes.forEach((n, i) => rank.set(n.id, i));
  const pending = new Map<NodeId, number>();
  const ready: NodeId[] = [];
  for (const n of g.nodes) {
    const k = (g.in.get(n.id) ?? []).length;
    pending.set(n.id, k);
    if (k === 0) ready.push(n.id);
  }
  const order: NodeId[] = [];
  while (ready.length > 0) {
    let best = 0;
    for (let i = 1; i < ready.length; i++) if ((rank.get(ready[i]) as number) < (rank.get(ready[best]) as number)) best = i;
    const id = ready.splice(best, 1)[0];
    order.push(id);
    for (const w of g.out.get(id) ?? []) {
      const k = (pending.get(w) as number) - 1;
      pending.set(w, k);
      if (k === 0) ready.push(w);
    }
  }
  return order;
}

/**
 * Every loop, as the nodes on it in flow order. Tarjan's strongly connected components,
 * iterative so that a long junk chain cannot overflow the stack.
 */
export function findCycles(g: Graph): NodeId[][] {
  const index = new Map<NodeId, number>();
  const low = new Map<NodeId, number>();
  const onStack = new Set<NodeId>();
  const stack: NodeId[] = [];
  const cycles: NodeId[][] = [];
  let counter = 0;
  for (const start of g.nodes) {
    if (index.has(start.id)) continue;
    const work: { id: NodeId; next: number }[] = [{ id: start.id, next: 0 }];
    index.set(start.id, counter);
    low.set(start.id, counter++);
    stack.push(start.id);
    onStack.add(start.id);
    while (work.length > 0) {
      const frame = work[work.length - 1];
      const outs = g.out.get(frame.id) ?? [];
      if (frame.next < outs.length) {
        const w = outs[frame.next++];
        if (!index.has(w)) {
          index.set(w, counter);
          low.set(w, counter++);
          stack.push(w);
          onStack.add(w);
          work.push({ id: w, next: 0 });
        } else if (onStack.has(w)) {
          low.set(frame.id, Math.min(low.get(frame.id) as number, index.get(w) as number));
        }
        continue;
      }
      work.pop();
      if (work.length > 0) {
        const parent = work[work.length - 1].id;
        low.set(parent, Math.min(low.get(parent) as number, low.get(frame.id) as number));
      }
      if (low.get(frame.id) === index.get(frame.id)) {
        const members: NodeId[] = [];
        let w: NodeId;
        do {
          w = stack.pop() as NodeId;
          onStack.delete(w);
          members.push(w);
        } while (w !== frame.id);
        const selfLoop = members.length === 1 && (g.out.get(members[0]) ?? []).includes(members[0]);
        if (members.length > 1 || selfLoop) cycles.push(orderCycle(g, members));
      }
    }
  }
  return cycles;
}

/** Puts a loop's nodes in the order data would flow round it, starting from the earliest in the spec. */
function orderCycle(g: Graph, members: NodeId[]): NodeId[] {
  const inSet = new Set(members);
  const first = g.nodes.find((n) => inSet.has(n.id))?.id ?? members[0];
  const order: NodeId[] = [first];
  const used = new Set<NodeId>([first]);
  let cur = first;
  for (;;) {
    const next = (g.out.get(cur) ?? []).find((w) => inSet.has(w) && !used.has(w));
    if (next === undefined) break;
    order.push(next);
    used.add(next);
    cur = next;
  }
  // A tangle of several loops cannot be drawn as one ring: list the rest in spec order.
  for (const n of g.nodes) if (inSet.has(n.id) && !used.has(n.id)) order.push(n.id);
  return order;
}
