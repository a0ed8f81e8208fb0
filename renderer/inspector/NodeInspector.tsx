// The Node tab: the selected node's params as a form built from its kind's schema, plus what
// the engine inferred about it (shapes, parameter count, problems).
import { useTranslation } from 'react-i18next';
import { isJoinType, isWeighted } from '../../core/index';
import { definitionOf, paramValue } from '../nodes/registry';
import { useSay, useSpoken } from '../i18n/core-text';
import { countText, shapeText } from '../nodes/format';
import { deleteSelection } from '../editor/commands';
import { useProjectStore } from '../store/project';
import { useUiStore } from '../store/ui';
import { useGraphValidation } from '../store/validation';
import { ParamField } from './ParamField';
import { JoinInputs } from './JoinInputs';
import { EdgeHeatmapToggle, WeightsInspector } from '../backprop/WeightsInspector';
import { projectAbout } from '../app/examples';

// Key names read the same in every language; "drag" is a word, said in the reader's language.
const SHIFT_DRAG = 'checks.shortcuts.shiftDrag';
const SHORTCUTS = [
  ['Enter', 'addBlock'],
  [SHIFT_DRAG, 'selectSeveral'],
  ['Delete', 'deleteSelection'],
  ['Ctrl+D', 'duplicate'],
  ['Ctrl+C, Ctrl+V', 'copyPaste'],
  ['Ctrl+Z', 'undo'],
  ['Ctrl+Shift+Z', 'redo'],
  ['Ctrl+S', 'save'],
] as const;
const WARNING = '⚠';

/**
 * The first problem in full and the rest folded away: a block with several problems is best
 * fixed one at a time, and a long list pushed the block's settings out of view.
 */
function NodeProblems({ messages }: { messages: string[] }) {
  const { t } = useTranslation();
  if (!messages.length) return null;
  const [first, ...rest] = messages;
  return (
    <>
      <p className="node-problem" role="alert">
        {WARNING} {first}
      </p>
      {rest.length > 0 && (
        <details className="node-problem-more">
          <summary>
            {t('inspector.moreProblems', { count: rest.length })}
          </summary>
          {rest.map((m, i) => (
            <p key={i} className="node-problem">
              {WARNING} {m}
            </p>
          ))}
        </details>
      )}
    </>
  );
}

export function NodeInspector() {
  const { t } = useTranslation();
  const words = useSay();
  const spoken = useSpoken();
  const selectedNodeIds = useUiStore((s) => s.selectedNodeIds);
  const selectedEdgeIds = useUiStore((s) => s.selectedEdgeIds);
  const graph = useProjectStore((s) => s.project.graph);
  const projectName = useProjectStore((s) => s.project.name);
  const projectDescription = useProjectStore((s) => s.project.description);
  const updateParams = useProjectStore((s) => s.updateParams);
  const setInput = useProjectStore((s) => s.setInput);
  const { problems, shapes } = useGraphValidation();

  if (selectedNodeIds.length === 0 && selectedEdgeIds.length === 0) {
    const { title, description } = projectAbout({ name: projectName, description: projectDescription }, t);
    return (
      <div className="inspector-empty">
        {description.trim() ? (
          <section className="project-about" aria-label={t('inspector.aboutProject')}>
            <h2>{title}</h2>
            <p>{description}</p>
          </section>
        ) : null}
        <p>{t('inspector.selectBlock')}</p>
        <p className="muted">
          {t('inspector.howTo')}
        </p>
        <h3 className="shortcuts-heading">{t('inspector.keyboard')}</h3>
        <dl className="shortcuts">
          {SHORTCUTS.map(([keys, what]) => (
            <div key={keys}>
              <dt>
                <kbd>{keys === SHIFT_DRAG ? t(SHIFT_DRAG) : keys}</kbd>
              </dt>
              <dd>{t(`inspector.shortcuts.${what}`)}</dd>
            </div>
          ))}
        </dl>
      </div>
    );
  }
  if (selectedNodeIds.length === 0 && selectedEdgeIds.length === 1) {
    const edge = graph.edges.find((e) => e.id === selectedEdgeIds[0]);
    if (edge) {
      return (
        <div className="inspector-empty">
          <h2>{t('inspector.connection')}</h2>
          <p>
            {edge.source} → {edge.target}
          </p>
          <p className="muted">{t('inspector.dataFlows', { source: edge.source, target: edge.target })}</p>
          <button type="button" onClick={deleteSelection}>
            {t('inspector.deleteConnection')}
          </button>
          {graph.nodes.find((n) => n.id === edge.target)?.type === 'Linear' && (
            <>
              <EdgeHeatmapToggle edgeId={edge.id} />
              <WeightsInspector nodeId={edge.target} />
            </>
          )}
        </div>
      );
    }
  }
  if (selectedNodeIds.length !== 1) {
    const n = selectedNodeIds.length;
    const e = selectedEdgeIds.length;
    const parts = [n ? t('inspector.blocks', { count: n }) : '', e ? t('inspector.connections', { count: e }) : ''].filter(Boolean);
    return (
      <div className="inspector-empty">
        <p>{t('inspector.selected', { what: parts.join(t('inspector.and')) })}</p>
        <button type="button" onClick={deleteSelection}>
          {t('inspector.deleteSelection')}
        </button>
      </div>
    );
  }

  const node = graph.nodes.find((x) => x.id === selectedNodeIds[0]);
  if (!node) return null;
  const def = definitionOf(node.type);
  const info = shapes.get(node.id);
  const own = problems.filter((p) => p.nodeId === node.id);
  const incoming = graph.edges.filter((e) => e.target === node.id);

  return (
    <div className="node-inspector">
      <h2>
        {def.title} <span className="muted">{node.id}</span>
      </h2>
      <p className="muted">{words(def.description)}</p>
      <NodeProblems messages={own.map(spoken)} />
      {isJoinType(node.type) && <JoinInputs node={node} graph={graph} />}
      {def.ports.input && !isJoinType(node.type) && (
        <div className="field">
          <label htmlFor="node-input-from">{t('inspector.inputFrom')}</label>
          <select
            id="node-input-from"
            value={incoming.length === 1 ? incoming[0].source : incoming.length === 0 ? '' : '*'}
            onChange={(e) => setInput(node.id, e.target.value === '' ? null : e.target.value)}
          >
            <option value="">{t('inspector.notConnected')}</option>
            {incoming.length > 1 && (
              <option value="*" disabled>
                {t('inspector.inputs', { count: incoming.length })}
              </option>
            )}
            {graph.nodes
              .filter((n) => n.id !== node.id)
              .map((n) => (
                <option key={n.id} value={n.id}>
                  {definitionOf(n.type).title} {n.id}
                </option>
              ))}
          </select>
          <p className="field-help">{t('inspector.inputFromHelp')}</p>
        </div>
      )}
      <form onSubmit={(e) => e.preventDefault()} aria-label={t('inspector.parameters', { title: def.title })}>
        {def.params.length === 0 && <p className="muted">{t('inspector.noSettings')}</p>}
        {def.params.map((schema) => (
          <ParamField
            key={`${node.id}:${schema.key}`}
            schema={schema}
            value={paramValue(schema, node.params)}
            onCommit={(v) => updateParams(node.id, { [schema.key]: v })}
          />
        ))}
      </form>
      <dl className="node-facts">
        <dt>{t('inspector.inputShape')}</dt>
        <dd>{node.type === 'Input' ? shapeText(info?.outputShape) : shapeText(info?.inputShape)}</dd>
        <dt>{t('inspector.outputShape')}</dt>
        <dd>{shapeText(info?.outputShape)}</dd>
        <dt>{t('inspector.parameterCount')}</dt>
        <dd>{countText(info?.paramCount ?? 0)}</dd>
      </dl>
      {isWeighted(node.type) && <WeightsInspector nodeId={node.id} />}
    </div>
  );
}
