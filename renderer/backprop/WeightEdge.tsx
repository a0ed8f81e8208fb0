// A connection on the canvas. One into a Linear node can carry that node's weight matrix as a
// heat map (rows: the node's units, columns: the inputs arriving on this connection), shown
// when "Show weight heat maps" is on or when asked for on this connection alone, and following
// a run's live snapshots. Clicking the map selects the connection (the inspector then shows
// every weight's value and gradient).
import { BaseEdge, EdgeLabelRenderer, getSmoothStepPath, useInternalNode, useNodes, type EdgeProps } from '@xyflow/react';
import { memo, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import type { WeightFlowEdge } from '../editor/flow';
import { isSkip, skipPath, type NodeBox } from '../editor/skip-route';
import { useUiStore } from '../store/ui';
import { mapCentreY, TITLE_ROW, type Box } from './heatmap-place';
import { paintHeatmap } from './paint';
import { useNeuronStore } from './use-backprop';

/** Largest side of the heat map on the canvas, in pixels (a 32 × 32 matrix gets 2-pixel cells). */
const MAX_SIDE = 64;
/** Widest a heat map gets (it sits in the gap between two blocks, which Tidy layout makes 96 px). */
const MAX_WIDTH = 80;

/** Every block's box on the canvas, in flow units. */
function useBlockBoxes(): Box[] {
  const nodes = useNodes();
  return useMemo(
    () => nodes.filter((n) => n.measured?.width).map((n) => ({ x: n.position.x, y: n.position.y, width: n.measured?.width ?? 0, height: n.measured?.height ?? TITLE_ROW })),
    [nodes],
  );
}

function EdgeHeatmap({ edgeId, target, x, y }: { edgeId: string; target: string; x: number; y: number }) {
  const w = useNeuronStore((s) => s.weights?.[target]?.weight ?? null);
  const ref = useRef<HTMLCanvasElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const [size, setSize] = useState<{ width: number; height: number } | null>(null);
  const blocks = useBlockBoxes();
  useEffect(() => {
    const c = ref.current;
    if (c && w) paintHeatmap(c, w.data, w.shape[0], w.data.length / w.shape[0]);
  }, [w]);
  // The map's own size (canvas and caption), in flow units, to keep it off the blocks.
  useLayoutEffect(() => {
    const b = button.current;
    if (b && (b.offsetWidth !== size?.width || b.offsetHeight !== size?.height)) setSize({ width: b.offsetWidth, height: b.offsetHeight });
  });
  if (!w) return null;
  const rows = w.shape[0];
  const cols = w.data.length / rows;
  const cell = Math.max(1, Math.min(8, Math.floor(MAX_SIDE / Math.max(rows, cols))));
  // A matrix wider or taller than the map's room is shown shrunk to fit (a glance; every value
  // is in the inspector); a single row is drawn as a strip tall enough to see.
  const width = Math.min(cols * cell, MAX_WIDTH);
  const height = Math.max(Math.min(rows * cell, MAX_SIDE), 6);
  return (
    <EdgeLabelRenderer>
      <button
        ref={button}
        type="button"
        className="bp-edge-weights nodrag nopan"
        data-edge={edgeId}
        style={{ transform: `translate(-50%, -50%) translate(${x}px, ${size ? mapCentreY(x, y, size, blocks) : y}px)`, visibility: size ? undefined : 'hidden' }}
        onClick={() => useUiStore.getState().select([], [edgeId])}
        aria-label={`Weights of ${target}: ${rows} × ${cols} heat map on the connection into it. Select the connection to see each value.`}
      >
        <canvas ref={ref} style={{ width, height }} aria-hidden="true" />
        <span className="bp-edge-weights-caption">
          W {rows}×{cols}
        </span>
      </button>
    </EdgeLabelRenderer>
  );
}

/**
 * The input's number, halfway along its wire (every wire into a block ends on the same handle,
 * so numbers there would stack). For a Concat, 1 is joined first.
 */
function InputOrderBadge({ order, target, x, y }: { order: number; target: string; x: number; y: number }) {
  return (
    <EdgeLabelRenderer>
      <span
        className="edge-order"
        style={{ transform: `translate(-50%, -50%) translate(${x}px, ${y}px)` }}
        aria-label={`Input ${order} of ${target}`}
        title={`Input ${order} of ${target}: joined in this order`}
      >
        {order}
      </span>
    </EdgeLabelRenderer>
  );
}

/**
 * Where a connection that wraps back to the start of the next row runs across: in the gap just
 * above the target's row (the default, midway between the handles, cuts through a node that
 * neuron views made tall). Tidy layout leaves a gap of at least 40 px there, and 96 px when
 * heat maps are on, so a heat map centred on the line sits between the rows.
 */
function useWrapCentreY(source: string, target: string, sourceX: number, targetX: number, heatmap: boolean): number | undefined {
  const s = useInternalNode(source);
  const t = useInternalNode(target);
  if (!s || !t || targetX >= sourceX) return undefined;
  const bottom = s.internals.positionAbsolute.y + (s.measured.height ?? 0);
  const top = t.internals.positionAbsolute.y;
  return top > bottom ? top - Math.min(heatmap ? 48 : 20, (top - bottom) / 2) : undefined;
}

/** Source and target boxes when this wire skips over blocks of its row, else null. */
function useSkipBoxes(source: string, target: string): [NodeBox, NodeBox] | null {
  const s = useInternalNode(source);
  const t = useInternalNode(target);
  if (!s || !t) return null;
  const box = (n: NonNullable<typeof s>): NodeBox => ({
    ...n.internals.positionAbsolute,
    width: n.measured.width ?? 0,
    height: n.measured.height ?? 0,
  });
  const a = box(s);
  const b = box(t);
  return isSkip(a, b) ? [a, b] : null;
}

function WeightEdgeImpl(props: EdgeProps<WeightFlowEdge>) {
  const { id, source, target, data, sourceX, sourceY, targetX, targetY, sourcePosition, targetPosition, markerEnd, style, interactionWidth } = props;
  const shown = useNeuronStore((s) => data?.intoLinear === true && (s.showWeights || s.edgesShown.includes(id)));
  const centerY = useWrapCentreY(source, target, sourceX, targetX, shown);
  const skip = useSkipBoxes(source, target);
  const [path, labelX, labelY] = skip
    ? skipPath(skip[0], skip[1], sourceX, sourceY, targetX, targetY)
    : getSmoothStepPath({ sourceX, sourceY, targetX, targetY, sourcePosition, targetPosition, centerY });
  return (
    <>
      <BaseEdge id={id} path={path} markerEnd={markerEnd} style={style} interactionWidth={interactionWidth} />
      {shown && <EdgeHeatmap edgeId={id} target={target} x={labelX} y={labelY} />}
      {data?.order !== undefined && <InputOrderBadge order={data.order} target={target} x={labelX} y={labelY} />}
    </>
  );
}

export const WeightEdge = memo(WeightEdgeImpl);
export const edgeTypes = { weights: WeightEdge };
