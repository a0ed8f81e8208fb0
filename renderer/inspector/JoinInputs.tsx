// The Node tab's list of a join block's inputs, in the order of the project's edges. For a
// Concat that order is the order its inputs are joined in (docs/format.md), so each input can
// move up or down (one undo step each) or be disconnected; for an Add the order changes nothing.
import type { ProjectNode } from '../../core/index';
import { definitionOf } from '../nodes/registry';
import { useProjectStore } from '../store/project';
import type { Graph } from '../store/graph-edits';

export function JoinInputs({ node, graph }: { node: ProjectNode; graph: Graph }) {
  const moveInput = useProjectStore((s) => s.moveInput);
  const deleteElements = useProjectStore((s) => s.deleteElements);
  const incoming = graph.edges.filter((e) => e.target === node.id);
  const ordered = node.type === 'Concat';
  const titleOf = (id: string) => {
    const n = graph.nodes.find((x) => x.id === id);
    return n ? `${definitionOf(n.type).title} ${n.id}` : id;
  };
  return (
    <section className="field join-inputs" aria-label={`Inputs of ${node.id}`}>
      <h3>Inputs{ordered ? ', in the order they are joined' : ''}</h3>
      {incoming.length === 0 && <p className="muted">None yet: draw wires into this block.</p>}
      <ol className="join-input-list">
        {incoming.map((e, i) => (
          <li key={e.id}>
            <span className="join-input-number">{i + 1}.</span>
            <span className="join-input-name">{titleOf(e.source)}</span>
            {ordered && (
              <>
                <button type="button" aria-label={`Move ${e.source} up`} disabled={i === 0} onClick={() => moveInput(e.id, -1)}>
                  ↑
                </button>
                <button
                  type="button"
                  aria-label={`Move ${e.source} down`}
                  disabled={i === incoming.length - 1}
                  onClick={() => moveInput(e.id, 1)}
                >
                  ↓
                </button>
              </>
            )}
            <button type="button" aria-label={`Disconnect ${e.source}`} onClick={() => deleteElements([], [e.id])}>
              ×
            </button>
          </li>
        ))}
      </ol>
      <p className="field-help">
        {ordered
          ? 'Input 1 comes first in the joined features (or channels); the numbers are also on the wires.'
          : 'The inputs are summed, so their order does not matter.'}{' '}
        Draw another wire into the block to add an input.
      </p>
    </section>
  );
}
