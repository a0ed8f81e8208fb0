// A weighted node's parameters in the inspector: each weight's value and its gradient (the
// engine's full-batch gradient over the training split at these weights) as heat maps, with
// every number on demand. While a run streams live snapshots the weights follow it.
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSpoken } from '../i18n/core-text';
import { coords, formatWhyNumber, projectToSpec, subscript, trainingGradients } from '../../core/index';
import type { TrainingGradientsResult, ValueRef } from '../../core/index';
import { useProjectStore } from '../store/project';
import { paintHeatmap } from './paint';
import { Matrix } from './Matrix';
import { useNeuronStore } from './use-backprop';

const MAP_WIDTH = 132;

/** A [rows, cols, …] tensor as a heat map (extra axes folded into columns); reports the hovered index. */
function HeatMap({ label, shape, data, onPick }: { label: string; shape: readonly number[]; data: ArrayLike<number>; onPick(index: number | null): void }) {
  const { t } = useTranslation();
  const ref = useRef<HTMLCanvasElement>(null);
  const rows = shape[0];
  const cols = data.length / rows;
  useEffect(() => {
    if (ref.current) paintHeatmap(ref.current, data, rows, cols);
  }, [data, rows, cols]);
  const cell = Math.max(1, Math.min(16, Math.floor(MAP_WIDTH / cols)));
  // A single row is drawn as a strip tall enough to see and point at.
  const cellHeight = rows === 1 ? Math.max(cell, 14) : cell;
  return (
    <figure className="bp-heatmap">
      <canvas
        ref={ref}
        style={{ width: cols * cell, height: rows * cellHeight }}
        role="img"
        aria-label={t('blockFace.backprop.matrix.heatMap', { label, rows, cols })}
        onMouseMove={(e) => {
          const r = e.currentTarget.getBoundingClientRect();
          const row = Math.floor(((e.clientY - r.top) / r.height) * rows);
          const col = Math.floor(((e.clientX - r.left) / r.width) * cols);
          onPick(row >= 0 && row < rows && col >= 0 && col < cols ? row * cols + col : null);
        }}
      />
      <figcaption>{label}</figcaption>
    </figure>
  );
}

type Computed = { key: unknown[]; result: TrainingGradientsResult };

/** a − b, elementwise: how the weights moved between two live snapshots. */
function difference(a: ArrayLike<number>, b: ArrayLike<number>): Float64Array {
  const out = new Float64Array(a.length);
  for (let i = 0; i < a.length; i++) out[i] = a[i] - b[i];
  return out;
}

// Where each value of a weight matrix and of its gradient sits (built outside JSX, which holds only words).
const valueRefs = (nodeId: string, name: string) => ({
  value: (index: number): ValueRef => ({ kind: 'param', nodeId: nodeId as never, param: name as 'weight', index }),
  grad: (index: number): ValueRef => ({ kind: 'grad', nodeId: nodeId as never, param: name as 'weight', index }),
});

export function WeightsInspector({ nodeId }: { nodeId: string }) {
  const { t } = useTranslation();
  const spoken = useSpoken();
  const project = useProjectStore((s) => s.project);
  // Two selectors of stored values, not one that builds an object: a selector must return the
  // same value while nothing changed, or React re-renders without end.
  const liveEpoch = useNeuronStore((s) => (s.source?.kind === 'live' ? s.source.epoch : null));
  const liveWeights = useNeuronStore((s) => (s.source?.kind === 'live' ? (s.weights?.[nodeId] ?? null) : null));
  const live = liveEpoch === null ? null : { epoch: liveEpoch, params: liveWeights };
  const previous = useNeuronStore((s) => (s.source?.kind === 'live' ? s.previous : null));
  const previousParams = previous?.weights[nodeId] ?? null;
  const [computed, setComputed] = useState<Computed | null>(null);
  const [picked, setPicked] = useState<{ param: string; index: number } | null>(null);
  const [showValues, setShowValues] = useState(false);
  const key = [project.graph, project.dataset, project.training, project.weights];
  const fresh = computed && computed.key.every((k, i) => k === key[i]);

  useEffect(() => {
    // After the frame: selecting a block never waits for the gradient.
    const timer = setTimeout(() => {
      const result = trainingGradients({ spec: projectToSpec(project), dataset: project.dataset, settings: project.training, initialWeights: project.weights });
      setComputed({ key: [project.graph, project.dataset, project.training, project.weights], result });
    }, 0);
    return () => clearTimeout(timer);
  }, [project]);

  const r = fresh ? computed.result : null;
  const node = project.graph.nodes.find((n) => n.id === nodeId);
  // Numbered as the step-through numbers layers: weighted layers in the order the network runs them.
  const order = r?.ok ? Object.keys(r.params) : [];
  const k = order.includes(nodeId) ? subscript(order.indexOf(nodeId) + 1) : '';
  if (!node) return null;
  if (r && !r.ok) return <p className="muted bp-weights-problem">{t('blockFace.weights.invalid', { message: r.problems[0] ? spoken(r.problems[0]) : '' })}</p>;
  const params = r?.ok ? r.params[nodeId] : undefined;
  const liveParams = live?.params;
  const names = params ? Object.keys(params) : liveParams ? Object.keys(liveParams) : [];
  const symbol = (name: string) => `${name === 'weight' ? 'W' : 'b'}${k}`;
  const samples = r?.ok ? (r.n === r.of ? t('blockFace.weights.allSamples', { n: r.n }) : t('blockFace.weights.firstSamples', { n: r.n, of: r.of })) : '';
  const sourceText = liveParams
    ? t('blockFace.weights.live', { epoch: live?.epoch, changed: previousParams ? t('blockFace.weights.liveChanged', { epoch: previous?.epoch }) : '' })
    : r?.ok
      ? t('blockFace.weights.computed', { which: project.weights ? t('blockFace.weights.trained') : t('blockFace.weights.initial'), loss: formatWhyNumber(r.loss), samples })
      : t('blockFace.weights.computing');
  const readout = (() => {
    if (!picked) return null;
    const value = liveParams?.[picked.param]?.data[picked.index] ?? params?.[picked.param]?.value[picked.index];
    const grad = liveParams ? undefined : params?.[picked.param]?.grad[picked.index];
    const was = liveParams ? previousParams?.[picked.param]?.data[picked.index] : undefined;
    const shape = params?.[picked.param]?.shape ?? liveParams?.[picked.param]?.shape ?? [];
    const at = coords(shape, picked.index).join(',');
    if (value === undefined) return null;
    const sym = symbol(picked.param);
    const gradLine = grad === undefined ? null : `∂L/∂${sym}[${at}] = ${String(grad)}`;
    const changeLine = was === undefined || !previous ? null : t('blockFace.weights.sinceEpoch', { change: `Δ${sym}[${at}] = ${String(value - was)}`, epoch: previous.epoch });
    return (
      <p className="bp-weight-readout" role="status">
        {`${sym}[${at}] = ${String(value)}`}
        {gradLine !== null && <br />}
        {gradLine}
        {changeLine !== null && <br />}
        {changeLine}
      </p>
    );
  })();

  return (
    <section className="bp-weights-inspector" aria-label={t('blockFace.weights.label', { id: nodeId })}>
      <h3>{t('blockFace.weights.heading')}</h3>
      <p className="muted bp-weights-source">{sourceText}</p>
      {names.map((name) => {
        const p = params?.[name];
        const value = liveParams?.[name]?.data ?? p?.value;
        const shape = liveParams?.[name]?.shape ?? p?.shape;
        if (!value || !shape) return null;
        const shape2 = shape.length === 1 ? [1, shape[0]] : shape;
        const before = liveParams ? previousParams?.[name] : undefined;
        const change = before && before.data.length === value.length ? difference(value, before.data) : null;
        return (
          <div key={name} className="bp-weights-pair">
            <HeatMap label={symbol(name)} shape={shape2} data={value} onPick={(i) => i !== null && setPicked({ param: name, index: i })} />
            {p && !liveParams && <HeatMap label={`∂L/∂${symbol(name)}`} shape={shape2} data={p.grad} onPick={(i) => i !== null && setPicked({ param: name, index: i })} />}
            {change && previous && (
              <HeatMap label={t('blockFace.weights.sinceEpoch', { change: `Δ${symbol(name)}`, epoch: previous.epoch })} shape={shape2} data={change} onPick={(i) => i !== null && setPicked({ param: name, index: i })} />
            )}
          </div>
        );
      })}
      {readout}
      {params && !liveParams && (
        <label className="bp-show-values">
          <input type="checkbox" checked={showValues} onChange={(e) => setShowValues(e.target.checked)} /> {t('blockFace.weights.showValues')}
        </label>
      )}
      {showValues &&
        params &&
        !liveParams &&
        names.map((name) => {
          const p = params[name];
          const select = (ref: ValueRef) => 'index' in ref && setPicked({ param: name, index: ref.index });
          const refs = valueRefs(nodeId, name);
          const sel: ValueRef | null = picked?.param === name ? refs.value(picked.index) : null;
          const refOf = refs.value;
          const gradRefOf = refs.grad;
          return (
            <div key={name}>
              <Matrix label={t('blockFace.backprop.matrix.of', { what: symbol(name), id: nodeId })} shape={p.shape} data={p.value} refOf={refOf} selected={sel} onSelect={select} />
              <Matrix label={t('blockFace.backprop.matrix.of', { what: `∂L/∂${symbol(name)}`, id: nodeId })} shape={p.shape} data={p.grad} refOf={gradRefOf} selected={null} onSelect={select} />
            </div>
          );
        })}
    </section>
  );
}

/** Shows one connection's weight heat map on the canvas (on demand, without the switch for all of them). */
export function EdgeHeatmapToggle({ edgeId }: { edgeId: string }) {
  const { t } = useTranslation();
  const all = useNeuronStore((s) => s.showWeights);
  const shown = useNeuronStore((s) => s.edgesShown.includes(edgeId));
  return (
    <label className="bp-show-values">
      <input type="checkbox" checked={all || shown} disabled={all} onChange={(e) => useNeuronStore.getState().setEdgeShown(edgeId, e.target.checked)} /> {t('blockFace.weights.edgeToggle')}
      {all ? t('blockFace.weights.allOn') : ''}
    </label>
  );
}
