// "Why is this number what it is": for any number of the step-through, the rule that produced
// it in the lab's notation and the same rule with the numbers filled in. The value reported is
// always the engine's own; the filled-in terms are the engine's inputs to that rule.
import { blockOf, isJoinType, JOINS } from '../blocks/index';
import type { WhySaid } from '../blocks/define';
import { say } from '../messages/text';
import { cat, wordsIn, type Words } from '../messages/words';
import { coords, num, op, sub, sumSaid } from './format';
import type { Mat, NodeView, OptimizerParamStep, StepperView, ValueRef, Why } from './types';

/** A Why from its pieces; the English fields are their rendering, `says` keeps them for any language. */
function why(title: Words, formula: Words, filled: Words, value: number, notes: readonly Words[] = []): Why {
  const full = cat(filled, ` = ${num(value)}`);
  return {
    title: wordsIn(title),
    formula: wordsIn(formula),
    filled: wordsIn(full),
    value,
    notes: notes.map((n) => wordsIn(n)),
    says: { title, formula, filled: full, notes },
  };
}

const fromParts = (title: Words, f: WhySaid, value: number, notes: readonly Words[] = []): Why => why(title, f.formula, f.filled, value, [...notes, ...(f.notes ?? [])]);

const isElementwise = (n: NodeView) => blockOf(n.type).role === 'activation';
/** An element-wise kind's own explanations (core/blocks), or undefined for every other kind. */
const elementwiseWhy = (n: NodeView) => blockOf(n.type).why?.said;
/** Any other one-input kind's own explanations (core/blocks). */
const layerWhy = (n: NodeView) => blockOf(n.type).explain;

/** The symbol of a node's output: z for a weighted layer, a for an activation (numbered by layer). */
export function outSym(n: NodeView): string {
  const k = n.layerNumber > 0 ? sub(n.layerNumber) : '';
  return `${layerWhy(n)?.symbol ?? 'a'}${k}`;
}

/** The node a layer reads (its first input for a join): its source, or the one before it in a chain; null for the data. */
function sourceOf(v: StepperView, n: NodeView): NodeView | null {
  const id = n.sources?.[0];
  if (id !== undefined) return v.nodes.find((m) => m.nodeId === id) ?? null;
  return n.index === 0 ? null : v.nodes[n.index - 1];
}

/** The nodes that read n's output, each with the position n has among its inputs; a chain's next node when no sources are known. */
function readersOf(v: StepperView, n: NodeView): { node: NodeView; k: number }[] {
  if (!v.nodes.some((m) => m.sources)) return n.index + 1 < v.nodes.length ? [{ node: v.nodes[n.index + 1], k: 0 }] : [];
  return v.nodes.flatMap((m) => {
    const k = m.sources?.indexOf(n.nodeId) ?? -1;
    return k >= 0 ? [{ node: m, k }] : [];
  });
}

export function inSym(v: StepperView, n: NodeView): string {
  const src = sourceOf(v, n);
  return src === null ? 'x' : outSym(src);
}

function at(m: Mat | null, i: number): number {
  return m ? m.data[i] : NaN;
}

/** Count of elements the mean-reduced loss divides by: every element (bce, mse) or the batch (crossEntropy). */
function lossCount(v: StepperView, last: NodeView): number {
  return v.loss === 'crossEntropy' ? v.n : last.output.data.length;
}

export function explain(v: StepperView, ref: ValueRef): Why | null {
  if (ref.kind === 'loss') return explainLoss(v);
  if (ref.kind === 'target') {
    const c = coords(v.target.shape, ref.index);
    const what = v.loss === 'crossEntropy' ? 'why.target.classIndex' : v.target.shape.length > 1 ? 'why.target.oneHot' : 'why.target.label';
    return why(`y[${c.join(',')}]`, say(what, { sample: c[0] }), `y[${c.join(',')}]`, v.target.data[ref.index]);
  }
  const node = v.nodes.find((n) => n.nodeId === ref.nodeId);
  if (!node) return null;
  switch (ref.kind) {
    case 'input':
      return explainInput(v, node, ref.index);
    case 'output':
      return explainOutput(node, ref.index, inSym(v, node));
    case 'gradOutput':
      return explainGradOutput(v, node, ref.index);
    case 'gradInput':
      return explainGradInput(v, node, ref.index);
    case 'param': {
      const p = node.params.find((x) => x.name === ref.param);
      if (!p) return null;
      const c = coords(p.shape, ref.index);
      const k = sub(node.layerNumber);
      const name = p.name === 'weight' ? `W${k}[${c.join(',')}]` : `b${k}[${c[0]}]`;
      const where = p.name === 'weight' ? (layerWhy(node)?.weightWhere?.(c) ?? name) : say('why.param.bias', { unit: c[0] });
      const notes: Words[] = [say('why.param.used')];
      if (p.grad) notes.push(say('why.param.gradient', { name, value: num(p.grad[ref.index]) }));
      const step = v.optimizer?.params.find((s) => s.nodeId === node.nodeId && s.name === p.name);
      if (step && v.phase.kind === 'updated') notes.push(say('why.param.changed', { by: num(step.update[ref.index]), to: num(step.after[ref.index]) }));
      return why(name, say('why.param.what', { name, where }), name, p.value[ref.index], notes);
    }
    case 'grad':
      return explainGrad(v, node, ref.param, ref.index);
    case 'update':
    case 'after':
    case 'state': {
      const step = v.optimizer?.params.find((p) => p.nodeId === node.nodeId && p.name === ref.param);
      if (!step || !v.optimizer) return null;
      return explainOptimizer(v, node, step, ref);
    }
  }
}

function explainInput(v: StepperView, node: NodeView, index: number): Why {
  const c = coords(node.input.shape, index);
  const value = node.input.data[index];
  const prev = sourceOf(v, node);
  if (prev === null) {
    return why(`x[${c.join(',')}]`, say('why.input.data'), `x[${c.join(',')}]`, value, [say('why.input.fromData')]);
  }
  const s = inSym(v, node);
  return why(`${s}[${c.join(',')}]`, say('why.input.from', { sym: s, type: prev.type, id: prev.nodeId }), `${s}[${c.join(',')}]`, value);
}

function explainOutput(node: NodeView, index: number, xs: string): Why {
  const value = node.output.data[index];
  const c = coords(node.output.shape, index);
  const ys = outSym(node);
  const x = node.input.data[index];
  const title = `${ys}[${c.join(',')}]`;
  const ew = elementwiseWhy(node);
  if (ew) return fromParts(title, ew.forward(ys, xs, x, node.negativeSlope ?? 0), value);
  if (isJoinType(node.type)) {
    return fromParts(title, JOINS[node.type].whyOutput({ ys, index, inputs: node.inputs ?? [node.input], sources: node.sources ?? [], output: node.output }), value);
  }
  const own = layerWhy(node);
  if (own) return fromParts(title, own.output({ node, index, ys, xs, k: sub(node.layerNumber) }), value);
  return why(title, `${ys} = ${node.type}(${xs})`, num(x), value);
}

function explainLoss(v: StepperView): Why | null {
  const last = v.nodes[v.nodes.length - 1];
  if (!last || v.lossValue === null) return null;
  const p = last.output.data;
  const y = v.target.data;
  const m = lossCount(v, last);
  const value = v.lossValue;
  if (v.loss === 'bce') {
    const terms = Array.from(p, (pi, i) => `${num(y[i])}·log ${num(pi)} + ${num(1 - y[i])}·log ${num(1 - pi)}`);
    const notes = v.fused ? [say('why.loss.bceFused')] : [];
    return why(say('why.loss.bce'), `L = −(1/${m}) Σ [y·log ŷ + (1 − y)·log(1 − ŷ)]`, cat(`−(1/${m})·[`, sumSaid(terms, 3), ']'), value, notes);
  }
  if (v.loss === 'mse') {
    const terms = Array.from(p, (pi, i) => `(${num(pi)} − ${num(y[i])})²`);
    return why(say('why.loss.mse'), `L = (1/${m}) Σ (ŷ − y)²`, cat(`(1/${m})·[`, sumSaid(terms, 4), ']'), value);
  }
  const k = last.output.data.length / v.n;
  const terms = Array.from(y, (label, i) => `log ${num(p[i * k + label])}`);
  const notes = v.fused ? [say('why.loss.crossEntropyFused')] : [];
  return why(say('why.loss.crossEntropy'), `L = −(1/N) Σᵢ log p[i, yᵢ]`, cat(`−(1/${v.n})·[`, sumSaid(terms, 4), ']'), value, notes);
}

/** The rule for dL/dŷ of the final node, from the loss. */
function lossGradient(v: StepperView, last: NodeView, index: number): WhySaid {
  const p = last.output.data[index];
  const m = lossCount(v, last);
  if (v.loss === 'bce') {
    const y = v.target.data[index];
    return { formula: `∂L/∂ŷ = (ŷ − y) / (ŷ·(1 − ŷ)·${m})`, filled: `(${num(p)} − ${num(y)}) / (${num(p)}·${op(1 - p)}·${m})` };
  }
  if (v.loss === 'mse') {
    const y = v.target.data[index];
    return { formula: `∂L/∂ŷ = 2·(ŷ − y) / ${m}`, filled: `2·(${num(p)} − ${num(y)}) / ${m}` };
  }
  const k = last.output.data.length / v.n;
  const [i, j] = [Math.floor(index / k), index % k];
  const label = v.target.data[i];
  if (j === label) return { formula: say('why.lossGradient.trueClass'), filled: `−1 / (${v.n}·${num(p)})` };
  return { formula: say('why.lossGradient.otherClass', { label }), filled: '0' };
}

/** Δ of the final pre-activation when the engine fused the loss: (ŷ − y)/m. */
function fusedDelta(v: StepperView, last: NodeView, index: number): WhySaid {
  const p = last.output.data[index];
  const m = lossCount(v, last);
  if (v.loss === 'bce') {
    const y = v.target.data[index];
    return { formula: say('why.fused.bce', { m }), filled: `(${num(p)} − ${num(y)}) / ${m}` };
  }
  const k = last.output.data.length / v.n;
  const [i, j] = [Math.floor(index / k), index % k];
  const hot = v.target.data[i] === j ? 1 : 0;
  return { formula: say('why.fused.crossEntropy'), filled: `(${num(p)} − ${hot}) / ${v.n}` };
}

function explainGradOutput(v: StepperView, node: NodeView, index: number): Why | null {
  const value = at(node.gradOutput, index);
  const c = coords(node.output.shape, index);
  const ys = outSym(node);
  const lastIndex = v.nodes.length - 1;
  if (node.index === lastIndex) {
    const notes = v.fused ? [say('why.gradOutput.unfused')] : [];
    return fromParts(`∂L/∂ŷ[${c.join(',')}]`, lossGradient(v, node, index), value, notes);
  }
  const readers = readersOf(v, node);
  if (readers.length > 1 || readers[0]?.node.inputs) {
    // A fan-out (or a join reading it): its gradient is the sum of the parts its readers hand back.
    const names = readers.map((r) => `‘${r.node.nodeId}’`).join(', ');
    const parts = readers.map((r) => op(at(r.node.gradInputs?.[r.k] ?? r.node.gradInput, index)));
    return why(`∂L/∂${ys}[${c.join(',')}]`, say('why.gradOutput.fanOut', { ys, names }), sumSaid(parts, 8), value);
  }
  const next = readers[0]?.node ?? v.nodes[node.index + 1];
  // A layer with the lab's delta rule followed by an activation (or by the fused output).
  if (layerWhy(node)?.deltaRule && (isElementwise(next) || (blockOf(next.type).role === 'output' && v.fused && next.index === lastIndex))) {
    return explainDelta(v, node, next, index);
  }
  const back = layerWhy(next)?.sendsBack?.(next);
  if (back) {
    const [i, k] = c;
    return why(`∂L/∂${ys}[${c.join(',')}]`, back.rule(ys), sumSaid(back.terms(i, k), 8), value);
  }
  return why(`∂L/∂${ys}[${c.join(',')}]`, say('why.gradOutput.passedBack', { ys, type: next.type, id: next.nodeId }), num(at(next.gradInput, index)), value);
}

/** Δₖ = ∂L/∂zₖ of a layer whose output feeds an activation. */
function explainDelta(v: StepperView, linear: NodeView, act: NodeView, index: number): Why {
  const value = at(linear.gradOutput, index);
  const c = coords(linear.output.shape, index);
  const k = sub(linear.layerNumber);
  const title = `Δ${k}[${c.join(',')}] = ∂L/∂z${k}`;
  const lastIndex = v.nodes.length - 1;
  if (act.index === lastIndex && v.fused) {
    return fromParts(title, fusedDelta(v, act, index), value, [say('why.delta.output')]);
  }
  const a = act.output.data[index];
  const g = at(act.gradOutput, index);
  const actReaders = readersOf(v, act);
  const afterAct = actReaders.length === 1 && !actReaders[0].node.inputs ? actReaders[0].node : undefined;
  const as = outSym(act);
  let upstream = `∂L/∂${as}`;
  let upstreamFilled: Words = op(g);
  const back = afterAct && layerWhy(afterAct)?.sendsBack?.(afterAct);
  if (back) {
    upstream = back.short;
    upstreamFilled = cat('(', sumSaid(back.terms(c[0], c[1]), 6), ')');
  }
  const z = linear.output.data[index];
  const ew = elementwiseWhy(act);
  if (!ew) return why(title, say('why.delta.passedBack', { k, type: act.type, id: act.nodeId }), num(at(act.gradInput, index)), value);
  const d = ew.derivative(as, `z${k}`, z, a, act.negativeSlope ?? 0);
  if (d === null) return why(title, say('why.delta.noActivation', { k, upstream }), upstreamFilled, value);
  const note = ew.blockedNote?.(`z${k}`, z);
  return why(title, cat(`Δ${k} = ${upstream} ⊙ `, d.formula), cat(upstreamFilled, ' · ', d.filled), value, note ? [note] : []);
}

function explainGradInput(v: StepperView, node: NodeView, index: number): Why | null {
  const value = at(node.gradInput, index);
  const c = coords(node.input.shape, index);
  const xs = inSym(v, node);
  const lastIndex = v.nodes.length - 1;
  const k = sub(node.layerNumber);
  const role = blockOf(node.type).role;
  const title = role === 'activation' || role === 'output' ? `Δ${k}[${c.join(',')}] = ∂L/∂${xs}` : `∂L/∂${xs}[${c.join(',')}]`;
  const g = at(node.gradOutput, index);
  const a = node.output.data[index];
  const x = node.input.data[index];
  const ys = outSym(node);
  if (node.index === lastIndex && v.fused) {
    return fromParts(title, fusedDelta(v, node, index), value, [v.n === 1 ? say('why.gradInput.single') : say('why.gradInput.mean', { n: v.n })]);
  }
  const d = elementwiseWhy(node)?.derivative(ys, xs, x, a, node.negativeSlope ?? 0);
  if (d) {
    const note = elementwiseWhy(node)?.blockedNote?.(xs, x);
    return why(title, cat(`∂L/∂${xs} = ∂L/∂${ys} ⊙ `, d.formula), cat(`${op(g)} · `, d.filled), value, note ? [note] : []);
  }
  if (isJoinType(node.type)) return fromParts(title, JOINS[node.type].whyGradInput(xs, ys, g, value), value);
  const own = layerWhy(node);
  if (own?.gradInput) return fromParts(title, own.gradInput({ node, index, ys, xs, k }), value);
  // An element-wise kind reaches here only when its derivative is 1 (Identity).
  if (own || role === 'activation') return why(title, say('why.gradInput.straight', { xs, ys }), num(g), value);
  return null;
}

function explainGrad(v: StepperView, node: NodeView, param: 'weight' | 'bias', index: number): Why | null {
  const p = node.params.find((x) => x.name === param);
  const own = layerWhy(node)?.gradParam;
  if (!p || !p.grad || !own) return null;
  const value = p.grad[index];
  const k = sub(node.layerNumber);
  const c = coords(p.shape, index);
  const notes: Words[] = [];
  const clip = v.optimizer?.clip;
  if (clip && clip.scale !== 1) notes.push(say('why.grad.clipped', { norm: num(clip.norm), max: num(clip.maxNorm), scale: num(clip.scale) }));
  if (v.n > 1) notes.push(say('why.grad.summed', { n: v.n }));
  const title = param === 'weight' ? `∂L/∂W${k}[${c.join(',')}]` : `∂L/∂b${k}[${c[0]}]`;
  return fromParts(title, own({ node, param, index, n: v.n, xs: inSym(v, node), k }), value, notes);
}

function explainOptimizer(v: StepperView, node: NodeView, s: OptimizerParamStep, ref: Extract<ValueRef, { kind: 'update' | 'after' | 'state' }>): Why | null {
  const o = v.optimizer!;
  const i = ref.index;
  const k = sub(node.layerNumber);
  const c = coords(s.shape, i);
  const pname = `${s.name === 'weight' ? 'W' : 'b'}${k}[${c.join(',')}]`;
  const g = s.grad[i];
  const lr = o.lr;
  const notes = o.skipped ? [say('why.optimizer.skipped')] : [];
  if (ref.kind === 'after') {
    return why(say('why.optimizer.after', { name: pname, t: o.t }), `p′ = p + update`, `${num(s.before[i])} + ${op(s.update[i])}`, s.after[i], notes);
  }
  const h = o.hyper;
  const prev = (name: string) => s.stateBefore[name]?.[i] ?? 0;
  const cur = (name: string) => s.state[name]?.[i] ?? NaN;
  if (ref.kind === 'state') {
    switch (ref.state) {
      case 'velocity':
        return why(say('why.optimizer.velocity', { name: pname }), `v = μ·v_prev + g   (μ = ${num(h.momentum)})`, `${num(h.momentum)}·${op(prev('velocity'))} + ${op(g)}`, cur('velocity'), notes);
      case 'squareAverage':
        return why(say('why.optimizer.squareAverage', { name: pname }), `s = α·s_prev + (1 − α)·g²   (α = ${num(h.alpha)})`, `${num(h.alpha)}·${op(prev('squareAverage'))} + ${num(1 - h.alpha)}·${op(g)}²`, cur('squareAverage'), notes);
      case 'firstMoment':
        return why(say('why.optimizer.stateOf', { state: 'm', name: pname }), `m = β₁·m_prev + (1 − β₁)·g   (β₁ = ${num(h.beta1)})`, `${num(h.beta1)}·${op(prev('firstMoment'))} + ${num(1 - h.beta1)}·${op(g)}`, cur('firstMoment'), notes);
      case 'secondMoment':
        return why(say('why.optimizer.stateOf', { state: 'v', name: pname }), `v = β₂·v_prev + (1 − β₂)·g²   (β₂ = ${num(h.beta2)})`, `${num(h.beta2)}·${op(prev('secondMoment'))} + ${num(1 - h.beta2)}·${op(g)}²`, cur('secondMoment'), notes);
      case 'mHat':
        return why(say('why.optimizer.stateOf', { state: 'm̂', name: pname }), `m̂ = m / (1 − β₁ᵗ)   (t = ${o.t})`, `${op(cur('firstMoment'))} / (1 − ${num(h.beta1)}^${o.t})`, cur('mHat'), [say('why.optimizer.mHat', { c1: num(o.biasCorrection?.c1 ?? NaN) }), ...notes]);
      case 'vHat':
        return why(say('why.optimizer.stateOf', { state: 'v̂', name: pname }), `v̂ = v / (1 − β₂ᵗ)   (t = ${o.t})`, `${op(cur('secondMoment'))} / (1 − ${num(h.beta2)}^${o.t})`, cur('vHat'), [`1 − β₂ᵗ = ${num(o.biasCorrection?.c2 ?? NaN)}.`, ...notes]);
      default:
        return null;
    }
  }
  const value = s.update[i];
  const title = say('why.optimizer.update', { name: pname });
  switch (o.type) {
    case 'SGD':
      return why(title, `update = −lr·g   (lr = ${num(lr)})`, `−${num(lr)}·${op(g)}`, value, notes);
    case 'Momentum':
      return why(title, `update = −lr·v,  v = μ·v_prev + g`, `−${num(lr)}·${op(cur('velocity'))}`, value, notes);
    case 'RMSProp':
      return why(title, `update = −lr·g / (√s + ε)   (ε = ${num(h.eps)})`, `−${num(lr)}·${op(g)} / (√${num(cur('squareAverage'))} + ${num(h.eps)})`, value, notes);
    case 'Adam':
      return why(title, `update = −lr·m̂ / (√v̂ + ε)   (t = ${o.t}, ε = ${num(h.eps)})`, `−${num(lr)}·${op(cur('mHat'))} / (√${num(cur('vHat'))} + ${num(h.eps)})`, value, notes);
  }
}
