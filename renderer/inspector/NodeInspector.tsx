// The Node tab: the selected node's params as a form built from its kind's schema, plus what
// the engine inferred about it (shapes, parameter count, problems).
import { isJoinType } from '../../core/index';
import { definitionOf, paramValue } from '../nodes/registry';
import { countText, shapeText } from '../nodes/format';
import { deleteSelection } from '../editor/commands';
import { useProjectStore } from '../store/project';
import { useUiStore } from '../store/ui';
import { useGraphValidation } from '../store/validation';
import { ParamField } from './ParamField';
import { JoinInputs } from './JoinInputs';
import { EdgeHeatmapToggle, WeightsInspector } from '../backprop/WeightsInspector';

const SHORTCUTS: [string, string][] = [
  ['Enter', 'add the focused palette block'],
  ['Shift+drag', 'select several blocks'],
  ['Delete', 'delete the selection (or Backspace)'],
  ['Ctrl+D', 'duplicate'],
  ['Ctrl+C, Ctrl+V', 'copy, paste'],
  ['Ctrl+Z', 'undo'],
  ['Ctrl+Shift+Z', 'redo (or Ctrl+Y)'],
  ['Ctrl+S', 'save'],
];

/**
 * The first problem in full and the rest folded away: a block with several problems is best
 * fixed one at a time, and a long list pushed the block's settings out of view.
 */
function NodeProblems({ messages }: { messages: string[] }) {
  if (!messages.length) return null;
  const [first, ...rest] = messages;
  return (
    <>
      <p className="node-problem" role="alert">
        ⚠ {first}
      </p>
      {rest.length > 0 && (
        <details className="node-problem-more">
          <summary>
            (and {rest.length} more problem{rest.length === 1 ? '' : 's'})
          </summary>
          {rest.map((m, i) => (
            <p key={i} className="node-problem">
              ⚠ {m}
            </p>
          ))}
        </details>
      )}
    </>
  );
}

export function NodeInspector() {
  const selectedNodeIds = useUiStore((s) => s.selectedNodeIds);
  const selectedEdgeIds = useUiStore((s) => s.selectedEdgeIds);
  const graph = useProjectStore((s) => s.project.graph);
  const projectName = useProjectStore((s) => s.project.name);
  const description = useProjectStore((s) => s.project.description);
  const updateParams = useProjectStore((s) => s.updateParams);
  const setInput = useProjectStore((s) => s.setInput);
  const { problems, shapes } = useGraphValidation();

  if (selectedNodeIds.length === 0 && selectedEdgeIds.length === 0) {
    return (
      <div className="inspector-empty">
        {description.trim() ? (
          <section className="project-about" aria-label="About this project">
            <h2>{projectName}</h2>
            <p>{description}</p>
          </section>
        ) : null}
        <p>Select a block on the canvas to edit it.</p>
        <p className="muted">
          Add blocks from the palette, connect an output (right) to an input (left), and use the Data and Training tabs to
          choose the dataset and settings.
        </p>
        <h3 className="shortcuts-heading">Keyboard (⌘ instead of Ctrl on a Mac)</h3>
        <dl className="shortcuts">
          {SHORTCUTS.map(([keys, what]) => (
            <div key={keys}>
              <dt>
                <kbd>{keys}</kbd>
              </dt>
              <dd>{what}</dd>
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
          <h2>Connection</h2>
          <p>
            {edge.source} → {edge.target}
          </p>
          <p className="muted">Data flows from the output of {edge.source} into {edge.target}.</p>
          <button type="button" onClick={deleteSelection}>
            Delete connection
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
    const parts = [n ? `${n} block${n === 1 ? '' : 's'}` : '', e ? `${e} connection${e === 1 ? '' : 's'}` : ''].filter(Boolean);
    return (
      <div className="inspector-empty">
        <p>{parts.join(' and ')} selected.</p>
        <button type="button" onClick={deleteSelection}>
          Delete selection
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
      <p className="muted">{def.description}</p>
      <NodeProblems messages={own.map((p) => p.message)} />
      {isJoinType(node.type) && <JoinInputs node={node} graph={graph} />}
      {def.ports.input && !isJoinType(node.type) && (
        <div className="field">
          <label htmlFor="node-input-from">Input from</label>
          <select
            id="node-input-from"
            value={incoming.length === 1 ? incoming[0].source : incoming.length === 0 ? '' : '*'}
            onChange={(e) => setInput(node.id, e.target.value === '' ? null : e.target.value)}
          >
            <option value="">(not connected)</option>
            {incoming.length > 1 && (
              <option value="*" disabled>
                {incoming.length} inputs
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
          <p className="field-help">The block whose output feeds this one (the same as drawing a connection).</p>
        </div>
      )}
      <form onSubmit={(e) => e.preventDefault()} aria-label={`${def.title} parameters`}>
        {def.params.length === 0 && <p className="muted">This block has no settings.</p>}
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
        <dt>Input shape</dt>
        <dd>{node.type === 'Input' ? shapeText(info?.outputShape) : shapeText(info?.inputShape)}</dd>
        <dt>Output shape</dt>
        <dd>{shapeText(info?.outputShape)}</dd>
        <dt>Parameters</dt>
        <dd>{countText(info?.paramCount ?? 0)}</dd>
      </dl>
      {(node.type === 'Linear' || node.type === 'Conv1d') && <WeightsInspector nodeId={node.id} />}
    </div>
  );
}
