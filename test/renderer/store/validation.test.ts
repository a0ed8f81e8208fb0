import { describe, expect, it } from 'vitest';
import { nodeId, type Project } from '../../../core/index';
import { validateCached, validateProject } from '../../../renderer/store/validation';
import { exampleProject } from '../fixtures';

describe('graph validation for the canvas', () => {
  it('accepts the XOR example and infers every node shape', () => {
    const v = validateProject(exampleProject('xor'));
    expect(v.problems).toEqual([]);
    expect(v.canTrain).toBe(true);
    expect(v.reason).toBeNull();
    expect(v.shapes.get('fc1')).toMatchObject({ outputShape: [32], paramCount: 2 * 32 + 32 });
  });

  it('marks a Linear fed by a Conv1d without Flatten and says why Train is disabled', () => {
    const p = exampleProject('waves-conv1d');
    const flatten = p.graph.nodes.find((n) => n.type === 'Flatten')!;
    const into = p.graph.edges.find((e) => e.target === flatten.id)!;
    const out = p.graph.edges.find((e) => e.source === flatten.id)!;
    const broken: Project = {
      ...p,
      graph: {
        nodes: p.graph.nodes.filter((n) => n.id !== flatten.id),
        edges: [
          ...p.graph.edges.filter((e) => e !== into && e !== out),
          { id: 'bypass', source: into.source, target: out.target },
        ],
      },
    };
    const v = validateProject(broken);
    const problem = v.problems.find((x) => x.code === 'needs-flatten');
    expect(problem?.nodeId).toBe(out.target);
    expect(v.canTrain).toBe(false);
    expect(v.reason).toContain('Flatten');
  });

  it("shows core's message as is: it names the node already, so no second id in front", () => {
    const p = exampleProject('xor');
    const broken: Project = {
      ...p,
      graph: { ...p.graph, nodes: p.graph.nodes.map((n) => (n.id === 'fc2' ? { ...n, params: { outFeatures: 0 } } : n)) },
    };
    const v = validateProject(broken);
    expect(v.problems).toHaveLength(1);
    expect(v.problems[0].nodeId).toBe('fc2');
    expect(v.problems[0].message).toContain('fc2');
    expect(v.reason).toBe(v.problems[0].message);
  });

  it('reports a loss that does not fit the output', () => {
    const p = exampleProject('spiral-softmax');
    const v = validateProject({ ...p, training: { ...p.training, loss: 'bce' } });
    expect(v.problems.some((x) => x.code === 'loss-mismatch')).toBe(true);
    expect(v.canTrain).toBe(false);
  });

  it('computes once per graph topology, dataset and loss (moving blocks does not recompute)', () => {
    const p = exampleProject('xor');
    const a = validateCached(p);
    expect(validateCached({ ...p, name: 'renamed' })).toBe(a);
    const dragged = { ...p, graph: { ...p.graph, nodes: p.graph.nodes.map((n) => ({ ...n, position: { x: n.position.x + 9, y: 0 } })) } };
    expect(validateCached(dragged)).toBe(a);
    const moved = { ...p, graph: { ...p.graph, nodes: [...p.graph.nodes, { id: nodeId('x'), type: 'ReLU' as const, params: {}, position: { x: 0, y: 0 } }] } };
    expect(validateCached(moved)).not.toBe(a);
  });
});
