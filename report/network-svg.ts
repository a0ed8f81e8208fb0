// The network as a figure: one box per node in running order (wrapping into rows), each with its
// kind, its key setting and its output shape, and one arrow per edge of the graph (skips too).
// Drawn from the graph the engine compiles, so the figure is the network that trained.
import { blockOf, compileModel, datasetInputShape, isWeighted, projectToSpec, type BlockRole, type NodeShapeInfo, type NodeType, type Project, type ProjectNode } from '../core/index';
import { escapeHtml } from './escape';
import { reportWords, type ReportWords } from './i18n';

const BOX_W = 132;
const BOX_H = 64;
const GAP = 36;
const PER_ROW = 5;
const PAD = 12;
/** Room under the last row for a skip wire's lane. */
const SKIP_LANE = GAP / 2;

// A box's colour says what its kind is for (its definition's role), so a new kind needs none here;
// among the layers, those with trained weights stand apart from reshaping ones.
const ROLE_FILL: Partial<Record<BlockRole, string>> = { input: '#E8F1FA', output: '#E6F5EE' };
const WEIGHTED_FILL = '#FFF1DB';
const RESHAPE_FILL = '#F1F1F1';
const OTHER_FILL = '#F5EEF8';

function fillOf(type: NodeType): string {
  const { role } = blockOf(type);
  if (role === 'layer') return isWeighted(type) ? WEIGHTED_FILL : RESHAPE_FILL;
  return ROLE_FILL[role] ?? OTHER_FILL;
}

function keySetting(n: ProjectNode, { text }: ReportWords): string {
  const p = n.params;
  if (n.type === 'Linear') return p.outFeatures === 1 ? text('network.oneUnit') : text('network.units', { count: String(p.outFeatures ?? '?') });
  if (n.type === 'Conv1d') return text('network.channels', { count: String(p.outChannels ?? '?'), kernel: String(p.kernelSize ?? '?') });
  if (n.type === 'LeakyReLU' && typeof p.negativeSlope === 'number') return text('network.slope', { slope: p.negativeSlope });
  return '';
}

type XY = { x: number; y: number };

/**
 * A wire between two boxes. The next box in running order: straight across, or down into the
 * next row. Any other wire (a skip, a second branch) leaves from the bottom, runs in a lane
 * just under its row and enters the target from the left through the gap before it, so it
 * never crosses a box.
 */
function edgePath(a: XY, b: XY, next: boolean): string {
  if (next && a.y === b.y) return `M${a.x + BOX_W} ${a.y + BOX_H / 2}L${b.x - 2} ${b.y + BOX_H / 2}`;
  if (next) {
    const lane = a.y + BOX_H + GAP / 2;
    return `M${a.x + BOX_W / 2} ${a.y + BOX_H}L${a.x + BOX_W / 2} ${lane}L${b.x + BOX_W / 2} ${lane}L${b.x + BOX_W / 2} ${b.y - 2}`;
  }
  const lane = a.y + BOX_H + GAP / 4;
  const gapX = b.x === PAD ? PAD / 2 : b.x - GAP / 2;
  const sx = a.x + BOX_W / 2 + 12;
  return `M${sx} ${a.y + BOX_H}L${sx} ${lane}L${gapX} ${lane}L${gapX} ${b.y + BOX_H / 2 + 8}L${b.x - 2} ${b.y + BOX_H / 2 + 8}`;
}

/** Nodes in the order data flows through them (the compiled chain), else as listed. */
function chainOrder(project: Project): { nodes: ProjectNode[]; shapes: Map<string, NodeShapeInfo> } {
  const byId = new Map(project.graph.nodes.map((n) => [n.id as string, n]));
  const compiled = compileModel(projectToSpec(project), datasetInputShape(project.dataset));
  const shapes = new Map<string, NodeShapeInfo>((compiled.ok ? compiled.model.shapes : compiled.shapes).map((s) => [s.nodeId as string, s]));
  if (!compiled.ok) return { nodes: project.graph.nodes, shapes };
  const ids = [compiled.model.inputId as string, ...compiled.model.layers.map((l) => l.nodeId as string)];
  return { nodes: ids.map((id) => byId.get(id)).filter((n): n is ProjectNode => n !== undefined), shapes };
}

export function networkSvg(project: Project, words: ReportWords = reportWords()): string {
  const { nodes, shapes } = chainOrder(project);
  const rows = Math.max(1, Math.ceil(nodes.length / PER_ROW));
  const cols = Math.min(PER_ROW, Math.max(1, nodes.length));
  const width = PAD * 2 + cols * BOX_W + (cols - 1) * GAP;
  const height = PAD * 2 + rows * BOX_H + (rows - 1) * GAP + SKIP_LANE;
  const pos = (i: number) => {
    const row = Math.floor(i / PER_ROW);
    // Rows run left to right, then the next row continues below (reading order).
    const col = i % PER_ROW;
    return { x: PAD + col * (BOX_W + GAP), y: PAD + row * (BOX_H + GAP) };
  };
  const parts: string[] = [];
  parts.push(
    `<defs><marker id="arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M0 0L10 5L0 10z" fill="#444"/></marker></defs>`,
  );
  const order = new Map(nodes.map((n, i) => [n.id as string, i]));
  for (const e of project.graph.edges) {
    const i = order.get(e.source);
    const j = order.get(e.target);
    if (i === undefined || j === undefined) continue;
    parts.push(`<path d="${edgePath(pos(i), pos(j), j === i + 1)}" fill="none" stroke="#444" stroke-width="1.5" marker-end="url(#arrow)"/>`);
  }
  nodes.forEach((n, i) => {
    const { x, y } = pos(i);
    const s = shapes.get(n.id);
    const shape = s?.outputShape ? `[${s.outputShape.join(', ')}]` : '';
    const params = s && s.paramCount > 0 ? ` · ${words.text('network.paramsShort', { count: s.paramCount.toLocaleString('en-US') })}` : '';
    const fill = fillOf(n.type);
    parts.push(
      `<g><rect x="${x}" y="${y}" width="${BOX_W}" height="${BOX_H}" rx="8" fill="${fill}" stroke="#333" stroke-width="1"/>` +
        `<text x="${x + BOX_W / 2}" y="${y + 20}" text-anchor="middle" font-size="13" font-weight="600">${escapeHtml(n.type)}</text>` +
        `<text x="${x + BOX_W / 2}" y="${y + 37}" text-anchor="middle" font-size="11" fill="#333">${escapeHtml(keySetting(n, words) || n.id)}</text>` +
        `<text x="${x + BOX_W / 2}" y="${y + 53}" text-anchor="middle" font-size="11" fill="#555">${escapeHtml(shape + params)}</text></g>`,
    );
  });
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="system-ui, sans-serif" role="img" aria-label="${words.html('network.diagram')}">${parts.join('')}</svg>`;
}

/** One row per node for the layer table: id, kind, setting, output shape, parameters. */
export function layerRows(project: Project, words: ReportWords = reportWords()): { id: string; type: string; setting: string; shape: string; params: number }[] {
  const { nodes, shapes } = chainOrder(project);
  return nodes.map((n) => {
    const s = shapes.get(n.id);
    return { id: n.id, type: n.type, setting: keySetting(n, words), shape: s?.outputShape ? `[${s.outputShape.join(', ')}]` : '?', params: s?.paramCount ?? 0 };
  });
}
