// The Node tab's list of a join block's inputs, in the order of the project's edges. For a
// Concat that order is the order its inputs are joined in (docs/format.md), so each input can
// move up or down (one undo step each) or be disconnected; for an Add the order changes nothing.
import { useTranslation } from 'react-i18next';
import { joinOf, type ProjectNode } from '../../core/index';
import { definitionOf } from '../nodes/registry';
import { useProjectStore } from '../store/project';
import type { Graph } from '../store/graph-edits';

// The buttons' faces are symbols; their accessible names say what they do.
const UP = '↑';
const DOWN = '↓';
const CROSS = '×';

export function JoinInputs({ node, graph }: { node: ProjectNode; graph: Graph }) {
  const { t } = useTranslation();
  const moveInput = useProjectStore((s) => s.moveInput);
  const deleteElements = useProjectStore((s) => s.deleteElements);
  const incoming = graph.edges.filter((e) => e.target === node.id);
  const ordered = joinOf(node.type)?.ordered === true;
  const titleOf = (id: string) => {
    const n = graph.nodes.find((x) => x.id === id);
    return n ? t('blockFace.joinInputs.name', { title: definitionOf(n.type).title, id: n.id }) : id;
  };
  return (
    <section className="field join-inputs" aria-label={t('blockFace.joinInputs.label', { id: node.id })}>
      <h3>{ordered ? t('blockFace.joinInputs.headingOrdered') : t('blockFace.joinInputs.heading')}</h3>
      {incoming.length === 0 && <p className="muted">{t('blockFace.joinInputs.none')}</p>}
      <ol className="join-input-list">
        {incoming.map((e, i) => (
          <li key={e.id}>
            <span className="join-input-number">{t('blockFace.joinInputs.number', { n: i + 1 })}</span>
            <span className="join-input-name">{titleOf(e.source)}</span>
            {ordered && (
              <>
                <button type="button" aria-label={t('blockFace.joinInputs.moveUp', { id: e.source })} disabled={i === 0} onClick={() => moveInput(e.id, -1)}>
                  {UP}
                </button>
                <button
                  type="button"
                  aria-label={t('blockFace.joinInputs.moveDown', { id: e.source })}
                  disabled={i === incoming.length - 1}
                  onClick={() => moveInput(e.id, 1)}
                >
                  {DOWN}
                </button>
              </>
            )}
            <button type="button" aria-label={t('blockFace.joinInputs.disconnect', { id: e.source })} onClick={() => deleteElements([], [e.id])}>
              {CROSS}
            </button>
          </li>
        ))}
      </ol>
      <p className="field-help">{ordered ? t('blockFace.joinInputs.helpOrdered') : t('blockFace.joinInputs.helpSum')}</p>
    </section>
  );
}
