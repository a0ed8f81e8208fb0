// "Why is this number what it is": for any number of the step-through, the rule that produced
// it in the lab's notation and the same rule with the numbers filled in. The value reported is
// always the engine's own; the filled-in terms are the engine's inputs to that rule.
import { blockOf, isJoinType, JOINS } from '../blocks/index';
import { coords, num, op, sub, sumText } from './format';
import type { Mat, NodeView, OptimizerParamStep, StepperView, ValueRef, Why } from './types';

const why = (title: string, formula: string, filled: string, value: number, notes: string[] = []): Why => ({ title, formula, filled: `${filled} = ${num(value)}`, value, notes });

const isWeighted = (n: NodeView) => n.type === 'Linear' || n.type === 'Conv1d';
const isElementwise = (n: NodeView) => blockOf(n.type).role === 'activation';
/** An element-wise kind's own explanations (core/blocks), or undefined for every other kind. */
const elementwiseWhy = (n: NodeView) => blockOf(n.type).why;

/** The symbol of a node's output: z for a weighted layer, a for an activation (numbered by layer). */
export function outSym(n: NodeView): string {
  const k = n.layerNumber > 0 ? sub(n.layerNumber) : '';
  if (isWeighted(n)) return `z${k}`;
  if (n.type === 'Flatten') return `f${k}`;
  return `a${k}`;
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
    const what = v.loss === 'crossEntropy' ? 'the class index of sample' : v.target.shape.length > 1 ? 'the one-hot target of sample' : 'the label of sample';
    return why(`y[${c.join(',')}]`, `y: ${what} ${c[0]} of the batch, from the dataset`, `y[${c.join(',')}]`, v.target.data[ref.index]);
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
      const where = p.name === 'weight' && node.type === 'Linear' ? `the weight from input ${c[1]} to unit ${c[0]}` : p.name === 'weight' ? `kernel tap ${c[2]} of input channel ${c[1]} for output channel ${c[0]}` : `the bias of unit ${c[0]}`;
      const notes = ['The value the forward pass used (before this step’s update).'];
      if (p.grad) notes.push(`Its gradient ∂L/∂${name} = ${num(p.grad[ref.index])}.`);
      const step = v.optimizer?.params.find((s) => s.nodeId === node.nodeId && s.name === p.name);
      if (step && v.phase.kind === 'updated') notes.push(`This step changed it by ${num(step.update[ref.index])} to ${num(step.after[ref.index])}.`);
      return { title: name, formula: `${name}: ${where}`, filled: `${name} = ${num(p.value[ref.index])}`, value: p.value[ref.index], notes };
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
    return why(`x[${c.join(',')}]`, `x[i,j]: feature j of sample i of the batch`, `x[${c.join(',')}]`, value, ['Straight from the dataset.']);
  }
  const s = inSym(v, node);
  return why(`${s}[${c.join(',')}]`, `${s} = the output of ${prev.type} node ‘${prev.nodeId}’`, `${s}[${c.join(',')}]`, value);
}

function explainOutput(node: NodeView, index: number, xs: string): Why {
  const value = node.output.data[index];
  const c = coords(node.output.shape, index);
  const ys = outSym(node);
  const x = node.input.data[index];
  const title = `${ys}[${c.join(',')}]`;
  const ew = elementwiseWhy(node);
  if (ew) {
    const f = ew.forward(ys, xs, x, node.negativeSlope ?? 0);
    return why(title, f.formula, f.filled, value);
  }
  if (isJoinType(node.type)) {
    const f = JOINS[node.type].whyOutput({ ys, index, inputs: node.inputs ?? [node.input], sources: node.sources ?? [], output: node.output });
    return why(title, f.formula, f.filled, value);
  }
  switch (node.type) {
    case 'Linear': {
      const [i, o] = c;
      const inF = node.input.shape[1];
      const W = node.params[0].value;
      const b = node.params.find((p) => p.name === 'bias');
      const k = sub(node.layerNumber);
      const terms: string[] = [];
      for (let j = 0; j < inF; j++) terms.push(`${op(node.input.data[i * inF + j])}·${op(W[o * inF + j])}`);
      if (b) terms.push(op(b.value[o]));
      const formula = `${ys}[i,o] = Σₖ ${xs}[i,k]·W${k}[o,k]${b ? ` + b${k}[o]` : ''}   (${ys} = ${xs}·W${k}ᵀ${b ? ` + b${k}` : ''})`;
      return why(title, formula, sumText(terms, 8), value);
    }
    case 'Conv1d': {
      const cv = node.conv!;
      const [i, o, t] = c;
      const W = node.params[0].value;
      const b = node.params[1].value;
      const terms: string[] = [op(b[o])];
      for (let ch = 0; ch < cv.inChannels; ch++) {
        for (let j = 0; j < cv.kernelSize; j++) {
          const pos = t * cv.stride - cv.padding + j;
          if (pos < 0 || pos >= cv.inLength) continue;
          terms.push(`${op(W[(o * cv.inChannels + ch) * cv.kernelSize + j])}·${op(node.input.data[(i * cv.inChannels + ch) * cv.inLength + pos])}`);
        }
      }
      const k = sub(node.layerNumber);
      return why(title, `${ys}[i,o,t] = b${k}[o] + Σ_c Σ_j W${k}[o,c,j]·${xs}[i,c,t·${cv.stride}−${cv.padding}+j]`, sumText(terms, 8), value, cv.padding ? ['Positions outside the signal are zero padding and add nothing.'] : []);
    }
    case 'Flatten': {
      const inC = coords(node.input.shape, index);
      return why(title, `${ys}[i, c·L + t] = ${xs}[i, c, t]`, `${xs}[${inC.join(',')}]`, value, ['Flatten only reshapes: the values stay in row-major order.']);
    }
    case 'Softmax': {
      const w = node.output.shape[node.output.shape.length - 1];
      const row = index - (index % w);
      const zs = Array.from(node.input.data.subarray(row, row + w));
      return why(title, `p_j = e^(z_j) / Σₖ e^(z_k)`, `e^(${num(x)}) / (${sumText(zs.map((z) => `e^(${num(z)})`), 6)})`, value, ['The engine subtracts the row maximum first so e^z never overflows; the result is the same.']);
    }
    default:
      // The element-wise kinds are answered above, from their own definitions (core/blocks).
      return why(title, `${ys} = ${node.type}(${xs})`, num(x), value);
  }
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
    const notes = v.fused ? ['Sigmoid + BCE are fused: the engine computes this from the logits z (softplus(z) − y·z), which is the same number and never takes log 0.'] : [];
    return why('Loss (binary cross-entropy)', `L = −(1/${m}) Σ [y·log ŷ + (1 − y)·log(1 − ŷ)]`, `−(1/${m})·[${sumText(terms, 3)}]`, value, notes);
  }
  if (v.loss === 'mse') {
    const terms = Array.from(p, (pi, i) => `(${num(pi)} − ${num(y[i])})²`);
    return why('Loss (mean squared error)', `L = (1/${m}) Σ (ŷ − y)²`, `(1/${m})·[${sumText(terms, 4)}]`, value);
  }
  const k = last.output.data.length / v.n;
  const terms = Array.from(y, (label, i) => `log ${num(p[i * k + label])}`);
  const notes = v.fused ? ['Softmax + cross-entropy are fused: the engine computes logsumexp(z) − z_y from the logits, the same number.'] : [];
  return why('Loss (cross-entropy)', `L = −(1/N) Σᵢ log p[i, yᵢ]`, `−(1/${v.n})·[${sumText(terms, 4)}]`, value, notes);
}

/** The rule for dL/dŷ of the final node, from the loss. */
function lossGradient(v: StepperView, last: NodeView, index: number): { formula: string; filled: string } {
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
  if (j === label) return { formula: `∂L/∂p[i,j] = −1 / (N·p[i,j]) for the true class j = yᵢ`, filled: `−1 / (${v.n}·${num(p)})` };
  return { formula: `∂L/∂p[i,j] = 0 for every class but the true one (yᵢ = ${label})`, filled: '0' };
}

/** Δ of the final pre-activation when the engine fused the loss: (ŷ − y)/m. */
function fusedDelta(v: StepperView, last: NodeView, index: number): { formula: string; filled: string } {
  const p = last.output.data[index];
  const m = lossCount(v, last);
  if (v.loss === 'bce') {
    const y = v.target.data[index];
    return { formula: `Δ = ∂L/∂z = (ŷ − y) / ${m}   (sigmoid with mean BCE: σ′ cancels the loss’s denominator)`, filled: `(${num(p)} − ${num(y)}) / ${m}` };
  }
  const k = last.output.data.length / v.n;
  const [i, j] = [Math.floor(index / k), index % k];
  const hot = v.target.data[i] === j ? 1 : 0;
  return { formula: `Δ = ∂L/∂z[i,j] = (p[i,j] − [j = yᵢ]) / N   (softmax with mean cross-entropy)`, filled: `(${num(p)} − ${hot}) / ${v.n}` };
}

/** Σ_o W[o,k]·Δ[i,o]: the gradient a Linear layer sends back to its input, as written-out terms. */
function backThroughLinear(next: NodeView, i: number, k: number): string[] {
  const outF = next.output.shape[1];
  const inF = next.input.shape[1];
  const W = next.params[0].value;
  const g = next.gradOutput!;
  const terms: string[] = [];
  for (let o = 0; o < outF; o++) terms.push(`${op(W[o * inF + k])}·${op(g.data[i * outF + o])}`);
  return terms;
}

function explainGradOutput(v: StepperView, node: NodeView, index: number): Why | null {
  const value = at(node.gradOutput, index);
  const c = coords(node.output.shape, index);
  const ys = outSym(node);
  const lastIndex = v.nodes.length - 1;
  if (node.index === lastIndex) {
    const { formula, filled } = lossGradient(v, node, index);
    const notes = v.fused
      ? ['The engine fuses this activation with the loss and starts the backward pass one step lower, at Δ = ∂L/∂z (see this node’s Δ). This is the unfused chain’s ∂L/∂ŷ, shown for completeness.']
      : [];
    return why(`∂L/∂ŷ[${c.join(',')}]`, formula, filled, value, notes);
  }
  const readers = readersOf(v, node);
  if (readers.length > 1 || readers[0]?.node.inputs) {
    // A fan-out (or a join reading it): its gradient is the sum of the parts its readers hand back.
    const names = readers.map((r) => `‘${r.node.nodeId}’`).join(', ');
    const parts = readers.map((r) => op(at(r.node.gradInputs?.[r.k] ?? r.node.gradInput, index)));
    return why(`∂L/∂${ys}[${c.join(',')}]`, `∂L/∂${ys} = Σ of what each block it feeds passes back (${names})`, sumText(parts, 8), value);
  }
  const next = readers[0]?.node ?? v.nodes[node.index + 1];
  // A Linear followed by an activation: its Δ is the lab's delta rule.
  if (node.type === 'Linear' && isElementwise(next) || (node.type === 'Linear' && next.type === 'Softmax' && v.fused && next.index === lastIndex)) {
    return explainDelta(v, node, next, index);
  }
  if (next.type === 'Linear') {
    const [i, k] = c;
    const ks = sub(next.layerNumber);
    return why(`∂L/∂${ys}[${c.join(',')}]`, `∂L/∂${ys}[i,k] = Σ_o W${ks}[o,k]·Δ${ks}[i,o]   (= (Δ${ks}·W${ks})[i,k], i.e. W${ks}ᵀ·Δ${ks})`, sumText(backThroughLinear(next, i, k), 8), value);
  }
  return why(`∂L/∂${ys}[${c.join(',')}]`, `∂L/∂${ys} = ∂L/∂(input of ${next.type} node ‘${next.nodeId}’), passed back from there`, num(at(next.gradInput, index)), value);
}

/** Δₖ = ∂L/∂zₖ of a Linear layer whose output feeds an activation. */
function explainDelta(v: StepperView, linear: NodeView, act: NodeView, index: number): Why {
  const value = at(linear.gradOutput, index);
  const c = coords(linear.output.shape, index);
  const k = sub(linear.layerNumber);
  const title = `Δ${k}[${c.join(',')}] = ∂L/∂z${k}`;
  const lastIndex = v.nodes.length - 1;
  if (act.index === lastIndex && v.fused) {
    const { formula, filled } = fusedDelta(v, act, index);
    return why(title, formula, filled, value, ['This is the output layer’s delta: Δ = ŷ − y for one sample (N = 1).']);
  }
  const a = act.output.data[index];
  const g = at(act.gradOutput, index);
  const actReaders = readersOf(v, act);
  const afterAct = actReaders.length === 1 && !actReaders[0].node.inputs ? actReaders[0].node : undefined;
  const as = outSym(act);
  let upstream = `∂L/∂${as}`;
  let upstreamFilled = op(g);
  if (afterAct && afterAct.type === 'Linear') {
    const ks = sub(afterAct.layerNumber);
    upstream = `(W${ks}ᵀ·Δ${ks})`;
    upstreamFilled = `(${sumText(backThroughLinear(afterAct, c[0], c[1]), 6)})`;
  }
  const z = linear.output.data[index];
  const ew = elementwiseWhy(act);
  if (!ew) return why(title, `Δ${k} = ∂L/∂z${k}, passed back from ${act.type} node ‘${act.nodeId}’`, num(at(act.gradInput, index)), value);
  const d = ew.derivative(as, `z${k}`, z, a, act.negativeSlope ?? 0);
  if (d === null) return why(title, `Δ${k} = ${upstream} (no activation: derivative 1)`, upstreamFilled, value);
  const note = ew.blockedNote?.(`z${k}`, z);
  return why(title, `Δ${k} = ${upstream} ⊙ ${d.formula}`, `${upstreamFilled} · ${d.filled}`, value, note ? [note] : []);
}

function explainGradInput(v: StepperView, node: NodeView, index: number): Why | null {
  const value = at(node.gradInput, index);
  const c = coords(node.input.shape, index);
  const xs = inSym(v, node);
  const lastIndex = v.nodes.length - 1;
  const k = sub(node.layerNumber);
  const title = isElementwise(node) || node.type === 'Softmax' ? `Δ${k}[${c.join(',')}] = ∂L/∂${xs}` : `∂L/∂${xs}[${c.join(',')}]`;
  const g = at(node.gradOutput, index);
  const a = node.output.data[index];
  const x = node.input.data[index];
  const ys = outSym(node);
  if (node.index === lastIndex && v.fused) {
    const { formula, filled } = fusedDelta(v, node, index);
    return why(title, formula, filled, value, v.n === 1 ? ['For a single sample (N = 1) this is ŷ − y, the lab’s output delta.'] : [`Mean over the batch: the lab’s ŷ − y divided by ${v.n}.`]);
  }
  const d = elementwiseWhy(node)?.derivative(ys, xs, x, a, node.negativeSlope ?? 0);
  if (d) {
    const note = elementwiseWhy(node)?.blockedNote?.(xs, x);
    return why(title, `∂L/∂${xs} = ∂L/∂${ys} ⊙ ${d.formula}`, `${op(g)} · ${d.filled}`, value, note ? [note] : []);
  }
  if (isJoinType(node.type)) {
    const f = JOINS[node.type].whyGradInput(xs, ys, g, value);
    return why(title, f.formula, f.filled, value);
  }
  switch (node.type) {
    // An element-wise kind reaches here only when its derivative is 1 (Identity).
    case 'Sigmoid':
    case 'Tanh':
    case 'ReLU':
    case 'LeakyReLU':
    case 'Identity':
    case 'Flatten':
      return why(title, `∂L/∂${xs} = ∂L/∂${ys} (passes straight through)`, num(g), value);
    case 'Softmax': {
      const w = node.output.shape[node.output.shape.length - 1];
      const row = index - (index % w);
      const terms: string[] = [];
      for (let j = 0; j < w; j++) terms.push(`${op(at(node.gradOutput, row + j))}·${op(node.output.data[row + j])}`);
      return why(title, `∂L/∂z_j = p_j·(g_j − Σₖ g_k·p_k)`, `${num(a)}·(${num(g)} − (${sumText(terms, 5)}))`, value);
    }
    case 'Linear': {
      const [i, kk] = c;
      return why(title, `∂L/∂${xs}[i,k] = Σ_o Δ${k}[i,o]·W${k}[o,k]   (Δ${k}·W${k})`, sumText(backThroughLinear(node, i, kk), 8), value);
    }
    case 'Conv1d':
      return why(title, `∂L/∂${xs}[i,c,p] = Σ_o Σ over the windows t that read position p of Δ${k}[i,o,t]·W${k}[o,c,p − t·s + pad]`, `Σ (${node.conv!.outChannels} channels × overlapping windows)`, value, ['Each window adds its share back onto the positions it read (col2im).']);
  }
}

function explainGrad(v: StepperView, node: NodeView, param: 'weight' | 'bias', index: number): Why | null {
  const p = node.params.find((x) => x.name === param);
  if (!p || !p.grad) return null;
  const value = p.grad[index];
  const k = sub(node.layerNumber);
  const c = coords(p.shape, index);
  const xs = inSym(v, node);
  const d = node.gradOutput!;
  const notes: string[] = [];
  const clip = v.optimizer?.clip;
  if (clip && clip.scale !== 1) notes.push(`Clipping: the gradient norm ${num(clip.norm)} exceeded ${num(clip.maxNorm)}, so every gradient was then multiplied by ${num(clip.scale)}.`);
  if (v.n > 1) notes.push(`Summed over the ${v.n} samples of the batch; the 1/${v.n} of the mean is already inside Δ.`);
  if (node.type === 'Linear') {
    const outF = node.output.shape[1];
    const inF = node.input.shape[1];
    if (param === 'weight') {
      const [o, j] = c;
      const terms: string[] = [];
      for (let i = 0; i < v.n; i++) terms.push(`${op(d.data[i * outF + o])}·${op(node.input.data[i * inF + j])}`);
      return why(`∂L/∂W${k}[${o},${j}]`, `∂L/∂W${k}[o,k] = Σᵢ Δ${k}[i,o]·${xs}[i,k]   (∂L/∂W${k} = Δ${k}ᵀ·${xs})`, sumText(terms, 8), value, notes);
    }
    const [o] = c;
    const terms: string[] = [];
    for (let i = 0; i < v.n; i++) terms.push(op(d.data[i * outF + o]));
    return why(`∂L/∂b${k}[${o}]`, `∂L/∂b${k}[o] = Σᵢ Δ${k}[i,o]`, sumText(terms, 8), value, notes);
  }
  const cv = node.conv!;
  const T = cv.outLength;
  if (param === 'weight') {
    const [o, ch, j] = c;
    const terms: string[] = [];
    for (let i = 0; i < v.n; i++) {
      for (let t = 0; t < T; t++) {
        const pos = t * cv.stride - cv.padding + j;
        if (pos < 0 || pos >= cv.inLength) continue;
        terms.push(`${op(d.data[(i * cv.outChannels + o) * T + t])}·${op(node.input.data[(i * cv.inChannels + ch) * cv.inLength + pos])}`);
      }
    }
    return why(`∂L/∂W${k}[${o},${ch},${j}]`, `∂L/∂W${k}[o,c,j] = Σᵢ Σₜ Δ${k}[i,o,t]·${xs}[i,c,t·${cv.stride}−${cv.padding}+j]`, sumText(terms, 8), value, notes);
  }
  const [o] = c;
  const terms: string[] = [];
  for (let i = 0; i < v.n; i++) for (let t = 0; t < T; t++) terms.push(op(d.data[(i * cv.outChannels + o) * T + t]));
  return why(`∂L/∂b${k}[${o}]`, `∂L/∂b${k}[o] = Σᵢ Σₜ Δ${k}[i,o,t]`, sumText(terms, 8), value, notes);
}

function explainOptimizer(v: StepperView, node: NodeView, s: OptimizerParamStep, ref: Extract<ValueRef, { kind: 'update' | 'after' | 'state' }>): Why | null {
  const o = v.optimizer!;
  const i = ref.index;
  const k = sub(node.layerNumber);
  const c = coords(s.shape, i);
  const pname = `${s.name === 'weight' ? 'W' : 'b'}${k}[${c.join(',')}]`;
  const g = s.grad[i];
  const lr = o.lr;
  const notes = o.skipped ? ['A gradient was not finite, so this step was skipped (training does the same) and nothing changed.'] : [];
  if (ref.kind === 'after') {
    return why(`${pname} after step ${o.t}`, `p′ = p + update`, `${num(s.before[i])} + ${op(s.update[i])}`, s.after[i], notes);
  }
  const h = o.hyper;
  const prev = (name: string) => s.stateBefore[name]?.[i] ?? 0;
  const cur = (name: string) => s.state[name]?.[i] ?? NaN;
  if (ref.kind === 'state') {
    switch (ref.state) {
      case 'velocity':
        return why(`velocity of ${pname}`, `v = μ·v_prev + g   (μ = ${num(h.momentum)})`, `${num(h.momentum)}·${op(prev('velocity'))} + ${op(g)}`, cur('velocity'), notes);
      case 'squareAverage':
        return why(`mean square of ${pname}`, `s = α·s_prev + (1 − α)·g²   (α = ${num(h.alpha)})`, `${num(h.alpha)}·${op(prev('squareAverage'))} + ${num(1 - h.alpha)}·${op(g)}²`, cur('squareAverage'), notes);
      case 'firstMoment':
        return why(`m of ${pname}`, `m = β₁·m_prev + (1 − β₁)·g   (β₁ = ${num(h.beta1)})`, `${num(h.beta1)}·${op(prev('firstMoment'))} + ${num(1 - h.beta1)}·${op(g)}`, cur('firstMoment'), notes);
      case 'secondMoment':
        return why(`v of ${pname}`, `v = β₂·v_prev + (1 − β₂)·g²   (β₂ = ${num(h.beta2)})`, `${num(h.beta2)}·${op(prev('secondMoment'))} + ${num(1 - h.beta2)}·${op(g)}²`, cur('secondMoment'), notes);
      case 'mHat':
        return why(`m̂ of ${pname}`, `m̂ = m / (1 − β₁ᵗ)   (t = ${o.t})`, `${op(cur('firstMoment'))} / (1 − ${num(h.beta1)}^${o.t})`, cur('mHat'), [`1 − β₁ᵗ = ${num(o.biasCorrection?.c1 ?? NaN)}: early steps are scaled up because m starts at 0.`, ...notes]);
      case 'vHat':
        return why(`v̂ of ${pname}`, `v̂ = v / (1 − β₂ᵗ)   (t = ${o.t})`, `${op(cur('secondMoment'))} / (1 − ${num(h.beta2)}^${o.t})`, cur('vHat'), [`1 − β₂ᵗ = ${num(o.biasCorrection?.c2 ?? NaN)}.`, ...notes]);
      default:
        return null;
    }
  }
  const value = s.update[i];
  switch (o.type) {
    case 'SGD':
      return why(`update of ${pname}`, `update = −lr·g   (lr = ${num(lr)})`, `−${num(lr)}·${op(g)}`, value, notes);
    case 'Momentum':
      return why(`update of ${pname}`, `update = −lr·v,  v = μ·v_prev + g`, `−${num(lr)}·${op(cur('velocity'))}`, value, notes);
    case 'RMSProp':
      return why(`update of ${pname}`, `update = −lr·g / (√s + ε)   (ε = ${num(h.eps)})`, `−${num(lr)}·${op(g)} / (√${num(cur('squareAverage'))} + ${num(h.eps)})`, value, notes);
    case 'Adam':
      return why(`update of ${pname}`, `update = −lr·m̂ / (√v̂ + ε)   (t = ${o.t}, ε = ${num(h.eps)})`, `−${num(lr)}·${op(cur('mHat'))} / (√${num(cur('vHat'))} + ${num(h.eps)})`, value, notes);
  }
}
