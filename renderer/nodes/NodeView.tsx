// The one node component: its face (title, key params, output shape, parameter count, problem
// marker) comes from the kind's registration and the cached graph validation.
import { Handle, Position, type NodeProps } from '@xyflow/react';
import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import type { FlowNode } from '../editor/flow';
import { useGraphValidation } from '../store/validation';
import { countText, shapeText } from './format';
import { definitionOf } from './registry';
import { useSay, useSpoken } from '../i18n/core-text';
import { NodeExtras, useStepActive } from '../backprop/NodeExtras';

/**
 * A problem is a small marker in the title row, never a line of text: a message on the block
 * made it taller as it came and went, so blocks overlapped and the handles (centred on the
 * block) jumped. The text is in the tooltip, the Node tab and, for screen readers,
 * the block's description.
 */
const WARNING = '⚠';
const ARROW = '→';

function ProblemBadge({ count, message, messageId }: { count: number; message: string; messageId: string }) {
  const { t } = useTranslation();
  return (
    <span className="bp-node-badge" role="img" aria-label={count === 1 ? t('node.problem') : t('node.problems', { count })} title={message}>
      {WARNING}
      {count > 1 ? count : ''}
      <span className="visually-hidden" id={messageId}>
        {message}
      </span>
    </span>
  );
}

function NodeViewImpl({ id, type, data, selected }: NodeProps<FlowNode>) {
  const { t } = useTranslation();
  const words = useSay();
  const spoken = useSpoken();
  const def = definitionOf(type);
  const { problems, shapes } = useGraphValidation();
  const info = shapes.get(id);
  const own = problems.filter((p) => p.nodeId === id);
  const related = !own.length && problems.some((p) => p.relatedNodeIds?.some((r) => r === id));
  const message = own.map(spoken).join('\n');
  const messageId = `node-problem-${id}`;
  const classes = ['bp-node', `cat-${def.category === 'Input/Output' ? 'io' : def.category.toLowerCase()}`];
  if (own.length) classes.push('invalid');
  else if (related) classes.push('related');
  if (selected) classes.push('selected');
  const stepActive = useStepActive(id);
  if (stepActive) classes.push('bp-step-active');
  const summary = def.summary(data.params);

  return (
    <div
      className={classes.join(' ')}
      role="group"
      aria-label={t('node.label', { title: def.title, id })}
      aria-invalid={own.length ? true : undefined}
      aria-describedby={own.length ? messageId : undefined}
      title={own.length ? message : words(def.description)}
    >
      {def.ports.input && <Handle type="target" position={Position.Left} aria-label={t('node.input', { id })} />}
      <div className="bp-node-head">
        <span className="bp-node-title">{def.title}</span>
        {own.length > 0 && <ProblemBadge count={own.length} message={message} messageId={messageId} />}
        <span className="bp-node-id">{id}</span>
      </div>
      <div className="bp-node-summary">{summary}</div>
      <div className="bp-node-shape">
        <span className="bp-node-out">{ARROW} {shapeText(info?.outputShape)}</span>
        {info && info.paramCount > 0 && <span className="bp-node-count">{countText(info.paramCount)}</span>}
      </div>
      <NodeExtras nodeId={id} />
      {def.ports.output && <Handle type="source" position={Position.Right} aria-label={t('node.output', { id })} />}
    </div>
  );
}

export const NodeView = memo(NodeViewImpl);
