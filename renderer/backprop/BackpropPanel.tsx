// The step-through panel: pick a sample (or a small batch), step the engine forward node by
// node, backward node by node, then apply the optimizer; every number is a button that opens
// its "why" (the rule with the numbers filled in). Numbers come from core/inspect, which runs
// the engine's own layers and optimizer.
import { informativeSample, zeroInputs } from './default-sample';
import { useEffect, useRef, type ReactElement } from 'react';
import { formatWhyNumber, inputSymbol, joinOf, MAX_INSPECT_SAMPLES, outputSymbol, subscript } from '../../core/index';
import type { NodeView, OptimizerParamStep, StepperView, ValueRef } from '../../core/index';
import { useDatasetView } from '../charts/dataset-view';
import { useSpoken } from '../i18n/core-text';
import { Matrix } from './Matrix';
import { consumersOf, joinGradIndex, joinInputRef } from './join-refs';
import { useBackpropStore } from './use-backprop';
import { NeuronViewToggle } from './NeuronViewToggle';
import './backprop.css';

const STATE_LABELS: Record<string, string> = {
  velocity: 'velocity v',
  squareAverage: 'mean square s',
  firstMoment: 'first moment m',
  secondMoment: 'second moment v',
  mHat: 'bias-corrected m̂',
  vHat: 'bias-corrected v̂',
};

function phaseText(v: StepperView | null): string {
  if (!v) return 'Press Step forward to run the network on the chosen sample.';
  const p = v.phase;
  const L = v.nodes.length;
  switch (p.kind) {
    case 'ready':
      return `Step ${v.iteration}: ready.`;
    case 'forward':
      return `Step ${v.iteration}, forward pass: node ${p.shown} of ${L}.`;
    case 'loss':
      return `Step ${v.iteration}: forward pass done, loss computed. Step backward next.`;
    case 'backward':
      return p.shown < L ? `Step ${v.iteration}, backward pass: node ${p.shown} of ${L}.` : `Step ${v.iteration}: every gradient is known. Apply the optimizer step next.`;
    case 'updated':
      return `Step ${v.iteration}: weights updated by ${v.optimizer?.type}${v.optimizer?.skipped ? ' (skipped: a gradient was not finite)' : ''}. Step forward starts the next step.`;
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

function gradLabels(v: StepperView, node: NodeView): { out: string; in: string } {
  const k = subscript(node.layerNumber);
  const ys = outputSymbol(node);
  const xs = inputSymbol(v, node);
  const last = node.index === v.nodes.length - 1;
  if (node.type === 'Linear' || node.type === 'Conv1d') return { out: `Δ${k} = ∂L/∂${ys}`, in: `∂L/∂${xs}` };
  if (node.type === 'Flatten') return { out: `∂L/∂${ys}`, in: `∂L/∂${xs}` };
  return { out: last ? `∂L/∂ŷ` : `∂L/∂${ys}`, in: last && v.fused ? `Δ${k} = ∂L/∂${xs} (output delta)` : `Δ${k} = ∂L/∂${xs} (pre-activation)` };
}

function NodeSection({ v, node, active }: { v: StepperView; node: NodeView; active: boolean }) {
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
  const labels = gradLabels(v, node);
  // A graph's joins and fan-outs: inputs and Δs per source, and where a Δ goes or comes from.
  const join = node.sources && node.sources.length > 1 ? node.sources : null;
  const fanOut = consumersOf(v, id);
  const opt = v.phase.kind === 'updated' ? v.optimizer : null;
  const m = (label: string, mat: { shape: readonly number[]; data: ArrayLike<number> } | null, refOf: (i: number) => ValueRef) =>
    mat ? <Matrix key={label} label={label} shape={mat.shape} data={mat.data} refOf={refOf} selected={selected} onSelect={select} /> : null;
  const steps = opt?.params.filter((p) => p.nodeId === id) ?? [];
  return (
    <section ref={ref} className={active ? 'bp-node-section active' : 'bp-node-section'} aria-label={`${node.type} node ${id}`} aria-current={active ? 'step' : undefined}>
      <h3>
        {id} <span className="muted">· {node.type}</span>
      </h3>
      {join
        ? join.map((src, j) => m(`Input ${j + 1} of ${id} (from ${src})`, node.inputs?.[j] ?? null, (i) => joinInputRef(v, node, j, i)))
        : m(`Input ${inputSymbol(v, node)} of ${id}`, node.input, (i) => ({ kind: 'input', nodeId: id, index: i }))}
      {m(`Output ${outputSymbol(node)} of ${id}`, node.output, (i) => ({ kind: 'output', nodeId: id, index: i }))}
      {node.params.map((p) =>
        m(`${p.name === 'weight' ? `W${k}` : `b${k}`} of ${id}`, { shape: p.shape, data: p.value }, (i) => ({ kind: 'param', nodeId: id, param: p.name, index: i })),
      )}
      {bwd && m(`${join ? `Δ = ∂L/∂${outputSymbol(node)}` : labels.out} of ${id}`, node.gradOutput, (i) => ({ kind: 'gradOutput', nodeId: id, index: i }))}
      {bwd && fanOut.length > 1 && (
        <p className="bp-graph-note" data-testid={`fan-out-note-${id}`}>
          {id}&apos;s output feeds {fanOut.join(' and ')}, so its Δ is the sum of what they send back.
        </p>
      )}
      {bwd && join && (
        <p className="bp-graph-note" data-testid={`join-note-${id}`}>
          {joinOf(node.type)?.gradNote(join)}
        </p>
      )}
      {bwd &&
        join &&
        join.map((src, j) =>
          m(`Δ to ${src} (input ${j + 1} of ${id})`, node.gradInputs?.[j] ?? null, (i) => ({ kind: 'gradOutput', nodeId: id, index: joinGradIndex(node, j, i) })),
        )}
      {bwd && !join && m(`${labels.in} of ${id}`, node.gradInput, (i) => ({ kind: 'gradInput', nodeId: id, index: i }))}
      {bwd &&
        node.params.map((p) =>
          p.grad ? m(`∂L/∂${p.name === 'weight' ? `W${k}` : `b${k}`} of ${id}`, { shape: p.shape, data: p.grad }, (i) => ({ kind: 'grad', nodeId: id, param: p.name, index: i })) : null,
        )}
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
  const name = s.name === 'weight' ? `W${k}` : `b${k}`;
  const base = { nodeId: s.nodeId, param: s.name };
  return (
    <>
      {Object.keys(s.state).map((state) => m(`${STATE_LABELS[state] ?? state} of ${name} (${id})`, { shape: s.shape, data: s.state[state] }, (i) => ({ kind: 'state', ...base, state, index: i })))}
      {m(`Update of ${name} (${id})`, { shape: s.shape, data: s.update }, (i) => ({ kind: 'update', ...base, index: i }))}
      {m(`New ${name} (${id})`, { shape: s.shape, data: s.after }, (i) => ({ kind: 'after', ...base, index: i }))}
    </>
  );
}

function WhyBox() {
  const sel = useBackpropStore((s) => s.selected);
  const select = useBackpropStore((s) => s.select);
  if (!sel) return <p className="bp-why-hint muted">Click any number to see why it has that value.</p>;
  const w = sel.why;
  return (
    <div className="bp-why" role="region" aria-label="Why this number">
      <div className="bp-why-head">
        <strong>{w.title}</strong>
        <button type="button" className="bp-why-close" aria-label="Close the explanation" onClick={() => select(null)}>
          ×
        </button>
      </div>
      <div className="bp-why-formula">{w.formula}</div>
      <div className="bp-why-filled">{w.filled}</div>
      <div className="bp-why-exact">
        Exact value: <output aria-label="Exact value">{String(w.value)}</output>
      </div>
      {w.notes.map((n) => (
        <p key={n} className="bp-why-note">
          {n}
        </p>
      ))}
    </div>
  );
}

function SamplePicker() {
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
      const features = dim <= 3 ? `(${Array.from(d.x.subarray(i * dim, (i + 1) * dim), (x) => formatWhyNumber(x)).join(', ')})` : `${dim} values`;
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
        Sample{' '}
        {d.n <= 400 ? (
          <select value={Math.min(sample, d.n - 1)} onChange={(e) => setSample(Number(e.target.value))}>
            {options}
          </select>
        ) : (
          <input type="number" min={0} max={d.n - 1} value={sample} onChange={(e) => setSample(Number(e.target.value) || 0)} />
        )}
      </label>
      <label>
        Batch{' '}
        <input type="number" min={1} max={MAX_INSPECT_SAMPLES} value={batch} onChange={(e) => setBatch(Number(e.target.value) || 1)} />
      </label>
      {zeros > 0 && batch === 1 ? (
        <p className="bp-zero-note" data-testid="zero-input-note">
          {zeros === dim ? 'Every input of this sample is 0' : `${zeros} input${zeros === 1 ? '' : 's'} of this sample ${zeros === 1 ? 'is' : 'are'} 0`}: a weight&apos;s gradient is Δ·xᵀ, so the
          first layer&apos;s weights that multiply a 0 get a gradient of exactly 0. Pick another sample to see them move.
        </p>
      ) : null}
    </div>
  );
}

export function BackpropPanel() {
  const view = useBackpropStore((s) => s.view);
  const problems = useBackpropStore((s) => s.problems);
  const selected = useBackpropStore((s) => s.selected?.ref ?? null);
  const select = useBackpropStore((s) => s.select);
  const { stepForward, stepBackward, optimizerStep, reset } = useBackpropStore.getState();
  const p = view?.phase.kind ?? 'ready';
  const backwardDone = view?.phase.kind === 'backward' && view.phase.shown >= view.nodes.length;
  return (
    <div className="backprop-panel">
      <h2>Step through backpropagation</h2>
      <SamplePicker />
      <div className="bp-buttons" role="toolbar" aria-label="Step-through controls">
        <button type="button" onClick={stepForward} disabled={p === 'loss' || p === 'backward'}>
          Step forward
        </button>
        <button type="button" onClick={stepBackward} disabled={p === 'updated' || backwardDone}>
          Step backward
        </button>
        <button type="button" onClick={optimizerStep}>
          Optimizer step
        </button>
        <button type="button" onClick={reset} disabled={!view}>
          Reset
        </button>
      </div>
      <p className="bp-phase" role="status">
        {phaseText(view)}
      </p>
      {problems.length > 0 && (
        <ul className="bp-problems" role="alert">
          {problems.map((m) => (
            <li key={m}>{m}</li>
          ))}
        </ul>
      )}
      <WhyBox />
      {view && (
        <>
          {view.lossValue !== null && (
            <div className="bp-loss">
              Loss ({view.loss}):{' '}
              <button type="button" className="bp-cell" aria-label={`Loss = ${formatWhyNumber(view.lossValue)}`} onClick={() => select({ kind: 'loss' })} aria-pressed={selected?.kind === 'loss'}>
                {formatWhyNumber(view.lossValue)}
              </button>
              {view.n > 1 && <span className="muted"> (mean over {view.n} samples)</span>}
            </div>
          )}
          {view.lossValue !== null && (
            <Matrix label="Target y" shape={view.target.shape} data={view.target.data} refOf={(i) => ({ kind: 'target', index: i })} selected={selected} onSelect={select} />
          )}
          {view.optimizer && view.phase.kind === 'updated' && (
            <p className="bp-opt muted">
              {view.optimizer.type}, lr {formatWhyNumber(view.optimizer.lr)}, t = {view.optimizer.t}
              {Object.entries(view.optimizer.hyper).map(([k, x]) => `, ${k} ${formatWhyNumber(x)}`)}
              {view.optimizer.biasCorrection ? `, bias corrections 1 − β₁ᵗ = ${formatWhyNumber(view.optimizer.biasCorrection.c1)}, 1 − β₂ᵗ = ${formatWhyNumber(view.optimizer.biasCorrection.c2)}` : ''}
              {view.optimizer.clip ? `, gradient norm ${formatWhyNumber(view.optimizer.clip.norm)} (clip at ${formatWhyNumber(view.optimizer.clip.maxNorm)})` : ''}
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
