// The step-through panel: pick a sample (or a small batch), step the engine forward node by
// node, backward node by node, then apply the optimizer; every number is a button that opens
// its "why" (the rule with the numbers filled in). Numbers come from core/inspect, which runs
// the engine's own layers and optimizer.
import { informativeSample, zeroInputs } from './default-sample';
import { useEffect, useRef, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { blockOf, formatWhyNumber, inputSymbol, joinOf, MAX_INSPECT_SAMPLES, outputSymbol, subscript } from '../../core/index';
import type { NodeId, NodeView, OptimizerParamStep, StepperView, ValueRef } from '../../core/index';
import { useDatasetView } from '../charts/dataset-view';
import { useSpoken, useWords } from '../i18n/core-text';
import { Matrix } from './Matrix';
import { consumersOf, joinGradIndex, joinInputRef } from './join-refs';
import { useBackpropStore } from './use-backprop';
import { problemLine } from './store';
import { NeuronViewToggle } from './NeuronViewToggle';
import './backprop.css';

const STATE_KEYS = ['velocity', 'squareAverage', 'firstMoment', 'secondMoment', 'mHat', 'vHat'] as const;
const isStateKey = (s: string): s is (typeof STATE_KEYS)[number] => (STATE_KEYS as readonly string[]).includes(s);

// Where each number of a node sits, for its button (built outside JSX, which holds only words).
const nodeRefs = (nodeId: NodeId) => ({
  input: (index: number): ValueRef => ({ kind: 'input', nodeId, index }),
  output: (index: number): ValueRef => ({ kind: 'output', nodeId, index }),
  gradOutput: (index: number): ValueRef => ({ kind: 'gradOutput', nodeId, index }),
  gradInput: (index: number): ValueRef => ({ kind: 'gradInput', nodeId, index }),
  param: (param: 'weight' | 'bias') => (index: number): ValueRef => ({ kind: 'param', nodeId, param, index }),
  grad: (param: 'weight' | 'bias') => (index: number): ValueRef => ({ kind: 'grad', nodeId, param, index }),
});
const stepRefs = (nodeId: NodeId, param: 'weight' | 'bias') => ({
  update: (index: number): ValueRef => ({ kind: 'update', nodeId, param, index }),
  after: (index: number): ValueRef => ({ kind: 'after', nodeId, param, index }),
  state: (state: string) => (index: number): ValueRef => ({ kind: 'state', nodeId, param, state, index }),
});
const targetRef = (index: number): ValueRef => ({ kind: 'target', index });
const LOSS_REF: ValueRef = { kind: 'loss' };

function phaseText(t: TFunction, v: StepperView | null): string {
  if (!v) return t('blockFace.backprop.phase.start');
  const p = v.phase;
  const at = { step: v.iteration, total: v.nodes.length };
  switch (p.kind) {
    case 'ready':
      return t('blockFace.backprop.phase.ready', at);
    case 'forward':
      return t('blockFace.backprop.phase.forward', { ...at, shown: p.shown });
    case 'loss':
      return t('blockFace.backprop.phase.loss', at);
    case 'backward':
      return p.shown < at.total ? t('blockFace.backprop.phase.backward', { ...at, shown: p.shown }) : t('blockFace.backprop.phase.backwardDone', at);
    case 'updated': {
      const optimizer = String(v.optimizer?.type);
      return v.optimizer?.skipped ? t('blockFace.backprop.phase.updatedSkipped', { ...at, optimizer }) : t('blockFace.backprop.phase.updated', { ...at, optimizer });
    }
  }
}

function forwardShown(v: StepperView, node: NodeView): boolean {
  const p = v.phase;
  if (p.kind === 'ready') return false;
  if (p.kind === 'forward') return node.index < p.shown;
  return true;
}

function backwardShown(v: StepperView, node: NodeView): boolean {
  const p = v.phase;
  if (p.kind === 'updated') return true;
  if (p.kind === 'backward') return node.index >= v.nodes.length - p.shown;
  return false;
}

function gradLabels(t: TFunction, v: StepperView, node: NodeView): { out: string; in: string } {
  const k = subscript(node.layerNumber);
  const ys = outputSymbol(node);
  const xs = inputSymbol(v, node);
  const last = node.index === v.nodes.length - 1;
  // From the kind's definition, not its name: a layer's input gradient is plain ∂L/∂x, and the
  // gradient of a pre-activation z (a weighted layer's output) is the lab's Δ.
  if (blockOf(node.type).role === 'layer') return { out: blockOf(node.type).explain?.symbol === 'z' ? `Δ${k} = ∂L/∂${ys}` : `∂L/∂${ys}`, in: `∂L/∂${xs}` };
  return { out: last ? `∂L/∂ŷ` : `∂L/∂${ys}`, in: last && v.fused ? t('blockFace.backprop.gradIn.outputDelta', { k, xs }) : t('blockFace.backprop.gradIn.preActivation', { k, xs }) };
}

function NodeSection({ v, node, active }: { v: StepperView; node: NodeView; active: boolean }) {
  const words = useWords();
  const { t } = useTranslation();
  const selected = useBackpropStore((s) => s.selected?.ref ?? null);
  const select = useBackpropStore((s) => s.select);
  const ref = useRef<HTMLElement>(null);
  useEffect(() => {
    if (active) ref.current?.scrollIntoView?.({ block: 'nearest' });
  }, [active]);
  const fwd = forwardShown(v, node);
  const bwd = backwardShown(v, node);
  if (!fwd) return null;
  const id = node.nodeId;
  const k = subscript(node.layerNumber);
  const labels = gradLabels(t, v, node);
  const of = (what: string) => t('blockFace.backprop.matrix.of', { what, id });
  const refs = nodeRefs(id);
  // A graph's joins and fan-outs: inputs and Δs per source, and where a Δ goes or comes from.
  const join = node.sources && node.sources.length > 1 ? node.sources : null;
  const fanOut = consumersOf(v, id);
  const opt = v.phase.kind === 'updated' ? v.optimizer : null;
  const m = (label: string, mat: { shape: readonly number[]; data: ArrayLike<number> } | null, refOf: (i: number) => ValueRef) =>
    mat ? <Matrix key={label} label={label} shape={mat.shape} data={mat.data} refOf={refOf} selected={selected} onSelect={select} /> : null;
  const steps = opt?.params.filter((p) => p.nodeId === id) ?? [];
  return (
    <section ref={ref} className={active ? 'bp-node-section active' : 'bp-node-section'} aria-label={t('blockFace.backprop.section', { type: node.type, id })} aria-current={active ? 'step' : undefined}>
      <h3>
        {id} <span className="muted">· {node.type}</span>
      </h3>
      {join
        ? join.map((src, j) => m(t('blockFace.backprop.matrix.joinInput', { n: j + 1, id, src }), node.inputs?.[j] ?? null, (i) => joinInputRef(v, node, j, i)))
        : m(t('blockFace.backprop.matrix.input', { sym: inputSymbol(v, node), id }), node.input, refs.input)}
      {m(t('blockFace.backprop.matrix.output', { sym: outputSymbol(node), id }), node.output, refs.output)}
      {node.params.map((p) => m(of(p.name === 'weight' ? `W${k}` : `b${k}`), { shape: p.shape, data: p.value }, refs.param(p.name)))}
      {bwd && m(of(join ? `Δ = ∂L/∂${outputSymbol(node)}` : labels.out), node.gradOutput, refs.gradOutput)}
      {bwd && fanOut.length > 1 && (
        <p className="bp-graph-note" data-testid={`fan-out-note-${id}`}>
          {t('blockFace.backprop.fanOut', { id, readers: fanOut.join(t('blockFace.backprop.and')) })}
        </p>
      )}
      {bwd && join && (
        <p className="bp-graph-note" data-testid={`join-note-${id}`}>
          {words(joinOf(node.type)?.gradNote(join) ?? '')}
        </p>
      )}
      {bwd &&
        join &&
        join.map((src, j) =>
          m(t('blockFace.backprop.matrix.deltaTo', { src, n: j + 1, id }), node.gradInputs?.[j] ?? null, (i) => refs.gradOutput(joinGradIndex(node, j, i))),
        )}
      {bwd && !join && m(of(labels.in), node.gradInput, refs.gradInput)}
      {bwd && node.params.map((p) => (p.grad ? m(of(`∂L/∂${p.name === 'weight' ? `W${k}` : `b${k}`}`), { shape: p.shape, data: p.grad }, refs.grad(p.name)) : null))}
      {steps.map((s) => (
        <OptimizerRows key={s.name} id={id} k={k} s={s} m={m} />
      ))}
    </section>
  );
}

function OptimizerRows({
  id,
  k,
  s,
  m,
}: {
  id: string;
  k: string;
  s: OptimizerParamStep;
  m: (label: string, mat: { shape: readonly number[]; data: ArrayLike<number> } | null, refOf: (i: number) => ValueRef) => ReactElement | null;
}) {
  const { t } = useTranslation();
  const name = s.name === 'weight' ? `W${k}` : `b${k}`;
  const refs = stepRefs(s.nodeId, s.name);
  const stateLabel = (state: string) => (isStateKey(state) ? t(`blockFace.backprop.state.${state}`) : state);
  return (
    <>
      {Object.keys(s.state).map((state) => m(t('blockFace.backprop.matrix.state', { state: stateLabel(state), name, id }), { shape: s.shape, data: s.state[state] }, refs.state(state)))}
      {m(t('blockFace.backprop.matrix.update', { name, id }), { shape: s.shape, data: s.update }, refs.update)}
      {m(t('blockFace.backprop.matrix.after', { name, id }), { shape: s.shape, data: s.after }, refs.after)}
    </>
  );
}

// The close button's face; its accessible name says what it does.
const CROSS = '×';

function WhyBox() {
  const words = useWords();
  const { t } = useTranslation();
  const sel = useBackpropStore((s) => s.selected);
  const select = useBackpropStore((s) => s.select);
  if (!sel) return <p className="bp-why-hint muted">{t('blockFace.backprop.why.hint')}</p>;
  const w = sel.why.says;
  return (
    <div className="bp-why" role="region" aria-label={t('blockFace.backprop.why.region')}>
      <div className="bp-why-head">
        <strong>{words(w.title)}</strong>
        <button type="button" className="bp-why-close" aria-label={t('blockFace.backprop.why.close')} onClick={() => select(null)}>
          {CROSS}
        </button>
      </div>
      <div className="bp-why-formula">{words(w.formula)}</div>
      <div className="bp-why-filled">{words(w.filled)}</div>
      <div className="bp-why-exact">
        {t('blockFace.backprop.why.exact')} <output aria-label={t('blockFace.backprop.why.exactLabel')}>{String(sel.why.value)}</output>
      </div>
      {w.notes.map(words).map((n) => (
        <p key={n} className="bp-why-note">
          {n}
        </p>
      ))}
    </div>
  );
}

function SamplePicker() {
  const { t } = useTranslation();
  const data = useDatasetView();
  const spoken = useSpoken();
  const stored = useBackpropStore((s) => s.sample);
  const chosen = useBackpropStore((s) => s.sampleChosen);
  const batch = useBackpropStore((s) => s.batch);
  const setSample = useBackpropStore((s) => s.setSample);
  const setBatch = useBackpropStore((s) => s.setBatch);
  if (!data.ok) return <p className="muted">{data.messages.map(spoken).join(' ')}</p>;
  const d = data.dataset;
  const dim = d.x.length / d.n;
  // Until a sample is picked, the first one whose gradients are not trivially zero.
  const sample = chosen ? stored : informativeSample(d.x, d.n, dim);
  const zeros = sample < d.n ? zeroInputs(d.x, sample, dim) : 0;
  const options = [];
  if (d.n <= 400) {
    for (let i = 0; i < d.n; i++) {
      const features = dim <= 3 ? `(${Array.from(d.x.subarray(i * dim, (i + 1) * dim), (x) => formatWhyNumber(x)).join(', ')})` : t('blockFace.backprop.picker.values', { n: dim });
      options.push(
        <option key={i} value={i}>
          {i}: {features} → {d.classNames[d.y[i]] ?? d.y[i]}
        </option>,
      );
    }
  }
  return (
    <div className="bp-picker">
      <label>
        {t('blockFace.backprop.picker.sample')}{' '}
        {d.n <= 400 ? (
          <select value={Math.min(sample, d.n - 1)} onChange={(e) => setSample(Number(e.target.value))}>
            {options}
          </select>
        ) : (
          <input type="number" min={0} max={d.n - 1} value={sample} onChange={(e) => setSample(Number(e.target.value) || 0)} />
        )}
      </label>
      <label>
        {t('blockFace.backprop.picker.batch')}{' '}
        <input type="number" min={1} max={MAX_INSPECT_SAMPLES} value={batch} onChange={(e) => setBatch(Number(e.target.value) || 1)} />
      </label>
      {zeros > 0 && batch === 1 ? (
        <p className="bp-zero-note" data-testid="zero-input-note">
          {t('blockFace.backprop.picker.zeroNote', { what: zeros === dim ? t('blockFace.backprop.picker.zeroAll') : t('blockFace.backprop.picker.zeroSome', { count: zeros }) })}
        </p>
      ) : null}
    </div>
  );
}

/**
 * Keeps `--bp-sticky-h` on the panel equal to the sticky box's height, so that a block scrolled
 * into view (scroll-margin-top in backprop.css) lands below the buttons and the open "why".
 */
function useStickyHeight() {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const el = ref.current;
    const panel = el?.parentElement;
    if (!el || !panel || typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(() => panel.style.setProperty('--bp-sticky-h', `${el.offsetHeight}px`));
    observer.observe(el);
    return () => observer.disconnect();
  }, []);
  return ref;
}

export function BackpropPanel() {
  const { t } = useTranslation();
  const view = useBackpropStore((s) => s.view);
  const problems = useBackpropStore((s) => s.problems);
  const problemSaid = useBackpropStore((s) => s.problemSaid);
  const speak = useSpoken();
  const selected = useBackpropStore((s) => s.selected?.ref ?? null);
  const select = useBackpropStore((s) => s.select);
  const { stepForward, stepBackward, optimizerStep, reset } = useBackpropStore.getState();
  const p = view?.phase.kind ?? 'ready';
  const backwardDone = view?.phase.kind === 'backward' && view.phase.shown >= view.nodes.length;
  const sticky = useStickyHeight();
  return (
    <div className="backprop-panel">
      <h2>{t('blockFace.backprop.heading')}</h2>
      <SamplePicker />
      {/* The step buttons, the step they are at and the open "why" stay in view together while
          the panel scrolls: one sticky box, so the explanation's heading never slides under the buttons. */}
      <div className="bp-sticky" ref={sticky}>
        <div className="bp-buttons" role="toolbar" aria-label={t('blockFace.backprop.controls')}>
          <button type="button" onClick={stepForward} disabled={p === 'loss' || p === 'backward'}>
            {t('blockFace.backprop.stepForward')}
          </button>
          <button type="button" onClick={stepBackward} disabled={p === 'updated' || backwardDone}>
            {t('blockFace.backprop.stepBackward')}
          </button>
          <button type="button" onClick={optimizerStep}>
            {t('blockFace.backprop.optimizerStep')}
          </button>
          <button type="button" onClick={reset} disabled={!view}>
            {t('blockFace.backprop.reset')}
          </button>
        </div>
        <p className="bp-phase" role="status">
          {phaseText(t, view)}
        </p>
        <WhyBox />
      </div>
      {problems.length > 0 && (
        <ul className="bp-problems" role="alert">
          {problems.map((m, i) => {
            const p = problemSaid[i];
            return <li key={m}>{p ? problemLine(p, speak(p)) : m}</li>;
          })}
        </ul>
      )}
      {view && (
        <>
          {view.lossValue !== null && (
            <div className="bp-loss">
              {t('blockFace.backprop.loss', { loss: t(`training.losses.${view.loss}`) })}{' '}
              <button type="button" className="bp-cell" aria-label={t('blockFace.backprop.lossAria', { value: formatWhyNumber(view.lossValue) })} onClick={() => select(LOSS_REF)} aria-pressed={selected?.kind === 'loss'}>
                {formatWhyNumber(view.lossValue)}
              </button>
              {view.n > 1 && <span className="muted">{t('blockFace.backprop.meanOver', { n: view.n })}</span>}
            </div>
          )}
          {view.lossValue !== null && (
            <Matrix label={t('blockFace.backprop.matrix.target')} shape={view.target.shape} data={view.target.data} refOf={targetRef} selected={selected} onSelect={select} />
          )}
          {view.optimizer && view.phase.kind === 'updated' && (
            <p className="bp-opt muted">
              {t('blockFace.backprop.opt.head', { type: view.optimizer.type, lr: formatWhyNumber(view.optimizer.lr), t: view.optimizer.t })}
              {Object.entries(view.optimizer.hyper).map(([k, x]) => t('blockFace.backprop.opt.hyper', { name: k, value: formatWhyNumber(x) }))}
              {view.optimizer.biasCorrection ? t('blockFace.backprop.opt.bias', { c1: formatWhyNumber(view.optimizer.biasCorrection.c1), c2: formatWhyNumber(view.optimizer.biasCorrection.c2) }) : ''}
              {view.optimizer.clip ? t('blockFace.backprop.opt.clip', { norm: formatWhyNumber(view.optimizer.clip.norm), max: formatWhyNumber(view.optimizer.clip.maxNorm) }) : ''}
            </p>
          )}
          {view.nodes.map((n) => (
            <NodeSection key={n.nodeId} v={view} node={n} active={view.activeNodeId === n.nodeId} />
          ))}
        </>
      )}
      <NeuronViewToggle />
    </div>
  );
}
