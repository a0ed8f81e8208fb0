import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { NODE_TYPES } from '../../../core/index';
import { useProjectStore } from '../../../renderer/store/project';
import { exampleProject } from '../fixtures';

const store = () => useProjectStore.getState();
const doc = () => {
  const p = store().project;
  return JSON.stringify({ graph: p.graph, dataset: p.dataset, training: p.training });
};

/** A random edit, picking node ids by index into whatever the graph holds at that moment. */
const edit = fc.oneof(
  fc.record({ kind: fc.constant('add' as const), type: fc.constantFrom(...NODE_TYPES), x: fc.integer({ min: -500, max: 500 }) }),
  fc.record({ kind: fc.constant('delete' as const), i: fc.nat(), j: fc.nat() }),
  fc.record({ kind: fc.constant('connect' as const), i: fc.nat(), j: fc.nat() }),
  fc.record({ kind: fc.constant('drag' as const), i: fc.nat(), steps: fc.integer({ min: 1, max: 4 }) }),
  fc.record({ kind: fc.constant('params' as const), i: fc.nat(), units: fc.integer({ min: 1, max: 64 }) }),
  fc.record({ kind: fc.constant('duplicate' as const), i: fc.nat() }),
  fc.record({ kind: fc.constant('tidy' as const), cols: fc.integer({ min: 1, max: 8 }) }),
  fc.record({ kind: fc.constant('epochs' as const), n: fc.integer({ min: 1, max: 9000 }) }),
);
type Edit = typeof edit extends fc.Arbitrary<infer T> ? T : never;

function apply(e: Edit): void {
  const nodes = store().project.graph.nodes;
  const pick = (i: number) => (nodes.length ? nodes[i % nodes.length].id : 'none');
  switch (e.kind) {
    case 'add':
      store().addNode(e.type, { x: e.x, y: 0 });
      return;
    case 'delete':
      store().deleteElements([pick(e.i), pick(e.j)], []);
      return;
    case 'connect':
      store().connect(pick(e.i), pick(e.j));
      return;
    case 'drag': {
      const id = pick(e.i);
      for (let s = 1; s <= e.steps; s++) store().moveNodes({ [id]: { x: s * 10, y: s * 7 } }, 'drag');
      store().moveNodes({}, 'end');
      return;
    }
    case 'params':
      store().updateParams(pick(e.i), { outFeatures: e.units });
      return;
    case 'duplicate':
      store().duplicate([pick(e.i)]);
      return;
    case 'tidy':
      store().tidy(e.cols);
      return;
    case 'epochs':
      store().updateTraining({ epochs: e.n });
  }
}

describe('undo history (property)', () => {
  it('undoing every step returns to the loaded project, redoing every step returns to the last state, and ids stay unique', () => {
    fc.assert(
      fc.property(fc.array(edit, { maxLength: 25 }), (edits) => {
        store().loadProject(exampleProject('xor'), null, 'xor.bpnn');
        const start = doc();
        for (const e of edits) {
          apply(e);
          const ids = store().project.graph.nodes.map((n) => n.id);
          expect(new Set(ids).size).toBe(ids.length);
        }
        const end = doc();
        let undos = 0;
        while (store().canUndo) {
          store().undo();
          undos++;
        }
        expect(undos).toBeLessThanOrEqual(edits.length);
        expect(doc()).toBe(start);
        expect(store().dirty).toBe(false);
        while (store().canRedo) store().redo();
        expect(doc()).toBe(end);
      }),
      { numRuns: 60 },
    );
  });
});
