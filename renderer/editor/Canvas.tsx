// The React Flow canvas, controlled by the project store: positions, nodes and edges live in
// the project; selection in the ui store; node sizes (measured by React Flow) in a ref.
import {
  Background,
  Controls,
  MiniMap,
  Panel,
  ReactFlow,
  useReactFlow,
  type Connection,
  type EdgeChange,
  type NodeChange,
} from '@xyflow/react';
import { useCallback, useEffect, useMemo, useRef, useState, type DragEvent, type PointerEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { joinOf, NODE_TYPES, type NodeType } from '../../core/index';
import { nodeTypes } from '../nodes/node-types';
import { edgeTypes } from '../backprop/WeightEdge';
import { definitionOf } from '../nodes/registry';
import { useProjectStore } from '../store/project';
import { useTrainingStore } from '../store/training';
import { useUiStore } from '../store/ui';
import { registerFit } from '../app/view';
import { connectFromCanvas, placeFromPalette } from './commands';
import type { XY } from '../store/graph-edits';
import { readEdgeSelection, readNodeChanges, toFlowEdges, toFlowNodes, type FlowNode, type Measured } from './flow';
import { CANVAS_ID, DRAG_MIME, FIT_OPTIONS, dropPosition } from './placement';
import { useEdgePan } from './use-edge-pan';

const CATEGORY_COLOURS: Record<string, string> = {
  'Input/Output': '#0072B2',
  Layers: '#E69F00',
  Activations: '#009E73',
};


const DIRECTIONS = ['up', 'down', 'left', 'right'] as const;
const isDirection = (s: string): s is (typeof DIRECTIONS)[number] => (DIRECTIONS as readonly string[]).includes(s);

const isNodeType = (s: string): s is NodeType => (NODE_TYPES as readonly string[]).includes(s);

/**
 * A click on the empty pane gives the canvas the focus (the pane itself takes none, so focus
 * stayed in the last text field): Space then pauses the run, and a half-typed
 * value is committed as when leaving its field any other way.
 */
function focusOnPane(e: PointerEvent<HTMLElement>): void {
  if (e.target instanceof Element && e.target.classList.contains('react-flow__pane')) e.currentTarget.focus({ preventScroll: true });
}

export function Canvas() {
  const { t, i18n } = useTranslation();
  const graph = useProjectStore((s) => s.project.graph);
  const selectedNodeIds = useUiStore((s) => s.selectedNodeIds);
  const selectedEdgeIds = useUiStore((s) => s.selectedEdgeIds);
  const { screenToFlowPosition, fitView } = useReactFlow();
  const measured = useRef(new Map<string, Measured>());
  const cache = useRef(new Map());
  const [sizeTick, setSizeTick] = useState(0);
  // Positions of a drag in progress stay here and reach the project store once, when the drag
  // ends: one undo step, and nothing that depends on the project redraws on every pointer move.
  const [dragged, setDragged] = useState<Record<string, XY>>({});
  const dragRef = useRef<Record<string, XY>>({});

  const nodes = useMemo(
    () => toFlowNodes(graph.nodes, new Set(selectedNodeIds), measured.current, cache.current, dragged),
    // sizeTick: re-derive when React Flow reports new node sizes (kept in a ref).
    [graph.nodes, selectedNodeIds, sizeTick, dragged],
  );
  const running = useTrainingStore((s) => s.status === 'running');
  const linearIds = useMemo(() => new Set(graph.nodes.filter((n) => n.type === 'Linear').map((n) => n.id)), [graph.nodes]);
  // A join whose inputs' order matters (Concat) numbers its wires; Add's sum has no order.
  const concatIds = useMemo(() => new Set(graph.nodes.filter((n) => joinOf(n.type)?.ordered).map((n) => n.id)), [graph.nodes]);
  const edges = useMemo(
    () => toFlowEdges(graph.edges, new Set(selectedEdgeIds), running, linearIds, concatIds),
    // The language: each wire's screen-reader name is in it.
    [graph.edges, selectedEdgeIds, running, linearIds, concatIds, i18n.language],
  );
  const ariaLabelConfig = useMemo(
    () => ({
      'controls.ariaLabel': t('checks.canvas.controls'),
      'controls.zoomIn.ariaLabel': t('checks.canvas.zoomIn'),
      'controls.zoomOut.ariaLabel': t('checks.canvas.zoomOut'),
      'controls.fitView.ariaLabel': t('checks.canvas.fitView'),
      'controls.interactive.ariaLabel': t('checks.canvas.interactive'),
      'minimap.ariaLabel': t('canvas.minimap'),
      'handle.ariaLabel': t('checks.canvas.handle'),
      'node.a11yDescription.default': t('checks.canvas.nodeHelp'),
      'node.a11yDescription.keyboardDisabled': t('checks.canvas.nodeHelpKeyboard'),
      'node.a11yDescription.ariaLiveMessage': ({ direction, x, y }: { direction: string; x: number; y: number }) =>
        t('checks.canvas.nodeMoved', { direction: isDirection(direction) ? t(`checks.canvas.direction.${direction}`) : direction, x, y }),
      'edge.a11yDescription.default': t('checks.canvas.edgeHelp'),
    }),
    [t],
  );

  useEffect(() => {
    registerFit(() => void fitView({ ...FIT_OPTIONS, duration: 200 }));
    return () => registerFit(null);
  }, [fitView]);

  const onNodesChange = useCallback((changes: NodeChange<FlowNode>[]) => {
    const ui = useUiStore.getState();
    const fx = readNodeChanges(changes, ui.selectedNodeIds);
    if (fx.measured.length > 0) {
      for (const m of fx.measured) measured.current.set(m.id, m.size);
      setSizeTick((t) => t + 1);
    }
    if (fx.phase === 'drag') {
      dragRef.current = { ...dragRef.current, ...fx.positions };
      setDragged(dragRef.current);
    } else if (fx.phase === 'end') {
      // Whole pixels keep saved files tidy.
      const final = Object.fromEntries(
        Object.entries({ ...dragRef.current, ...fx.positions }).map(([id, p]) => [id, { x: Math.round(p.x), y: Math.round(p.y) }]),
      );
      dragRef.current = {};
      useProjectStore.getState().moveNodes(final, 'once');
      setDragged({});
    }
    if (fx.selection) ui.select(fx.selection, ui.selectedEdgeIds);
  }, []);

  const onEdgesChange = useCallback((changes: EdgeChange[]) => {
    const ui = useUiStore.getState();
    const sel = readEdgeSelection(changes, ui.selectedEdgeIds);
    if (sel) ui.select(ui.selectedNodeIds, sel);
  }, []);

  const edgePan = useEdgePan(useCallback(() => document.getElementById(CANVAS_ID), []));

  const onConnect = useCallback((c: Connection) => {
    connectFromCanvas(c.source, c.target);
  }, []);

  const onDragOver = useCallback((e: DragEvent) => {
    if (!e.dataTransfer.types.includes(DRAG_MIME)) return;
    e.preventDefault();
    e.dataTransfer.dropEffect = 'copy';
  }, []);

  const onDrop = useCallback(
    (e: DragEvent) => {
      const type = e.dataTransfer.getData(DRAG_MIME);
      if (!isNodeType(type)) return;
      e.preventDefault();
      placeFromPalette(type, dropPosition(screenToFlowPosition({ x: e.clientX, y: e.clientY })));
    },
    [screenToFlowPosition],
  );

  return (
    <section className="canvas" id={CANVAS_ID} aria-label={t('canvas.label')} tabIndex={-1} onDragOver={onDragOver} onDrop={onDrop} onPointerDown={focusOnPane}>
      <ReactFlow
        nodes={nodes}
        edges={edges}
        nodeTypes={nodeTypes}
        edgeTypes={edgeTypes}
        onNodesChange={onNodesChange}
        onEdgesChange={onEdgesChange}
        onConnect={onConnect}
        onConnectStart={edgePan.start}
        onConnectEnd={edgePan.stop}
        isValidConnection={(c) => c.source !== c.target}
        deleteKeyCode={null}
        selectionKeyCode="Shift"
        multiSelectionKeyCode={['Meta', 'Control']}
        // React Flow pans as soon as a wire or a block comes near the canvas's edge, which moved
        // the network away under a student aiming at a block there. A wire pans the canvas only
        // after it rests at the edge (use-edge-pan.ts); otherwise the canvas moves only when
        // asked: Zoom to fit, the minimap, a drag of the background, the wheel.
        autoPanOnConnect={false}
        autoPanOnNodeDrag={false}
        fitView
        fitViewOptions={FIT_OPTIONS}
        minZoom={0.1}
        maxZoom={2.5}
        proOptions={{ hideAttribution: true }}
        ariaLabelConfig={ariaLabelConfig}
      >
        <Background gap={20} />
        <Controls aria-label={t('canvas.zoomControls')} />
        {graph.nodes.length === 0 && (
          <Panel position="top-center" className="canvas-empty">
            {t('canvas.empty')}
          </Panel>
        )}
        <MiniMap
          pannable
          zoomable
          style={{ width: 120, height: 64 }}
          ariaLabel={t('canvas.minimap')}
          nodeColor={(n) => CATEGORY_COLOURS[definitionOf(n.type as NodeType).category] ?? '#999'}
        />
      </ReactFlow>
    </section>
  );
}
