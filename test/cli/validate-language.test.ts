// `bpnn validate` speaks the terminal's language: the engine's sentences and the CLI's own words
// in Traditional Chinese under a zh_TW locale, and the same English as ever under C.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { bpnn, ROOT, tempDir, writeTemp } from './run';

type Project = { weights: unknown; graph: { nodes: { id: string; type: string; params: Record<string, unknown>; position?: unknown }[]; edges: { id: string; source: string; target: string }[] } };
const xor = (): Project => JSON.parse(readFileSync(join(ROOT, 'examples', 'xor.bpnn'), 'utf8')) as Project;

/** XOR with fc2 of 0 outputs, and a Tanh connected to nothing. */
function broken(): string {
  const p = xor();
  p.weights = null;
  const fc2 = p.graph.nodes.find((n) => n.id === 'fc2');
  if (!fc2) throw new Error('examples/xor.bpnn has no fc2');
  fc2.params.outFeatures = 0;
  p.graph.nodes.push({ id: 'lonely', type: 'Tanh', params: {}, position: { x: 0, y: 400 } });
  return writeTemp(tempDir(), 'broken.bpnn', JSON.stringify(p));
}

const ZH = { LANG: 'zh_TW.UTF-8' };

describe('bpnn validate in the terminal\'s language', () => {
  it('says each problem, and where it is, in Traditional Chinese under a zh_TW locale', () => {
    const r = bpnn(['validate', broken()], ROOT, ZH);
    expect(r.code).toBe(1);
    expect(r.lines).toHaveLength(2);
    expect(r.lines[0]).toBe('graph.nodes[7]「lonely」：Tanh「lonely」沒有連到 Input：請把它接進這條鏈，或刪除它。');
    expect(r.lines[1]).toMatch(/^graph\.nodes\[3\]「fc2」：Linear「fc2」.*outFeatures.*0.*1。$/);
    expect(r.stdout).not.toMatch(/must be|connect|is not|delete/);
  });

  it('says the same in English under the C locale, as before', () => {
    const r = bpnn(['validate', broken()], ROOT, { LANG: 'C' });
    expect(r.code).toBe(1);
    expect(r.lines).toEqual([
      "graph.nodes[7] 'lonely': Tanh 'lonely' is not connected to the Input: connect it into the chain or delete it.",
      "graph.nodes[3] 'fc2': Linear 'fc2' outFeatures is 0: it must be at least 1.",
    ]);
  });

  it('LC_ALL overrides LANG, and ok follows the language', () => {
    expect(bpnn(['validate', broken()], ROOT, { LANG: 'zh_TW.UTF-8', LC_ALL: 'C' }).lines[0]).toMatch(/is not connected to the Input/);
    const ok = bpnn(['validate', join(ROOT, 'examples', 'xor.bpnn'), '--memory-limit', '2GB'], ROOT, ZH);
    expect(ok.code).toBe(0);
    expect(ok.lines[ok.lines.length - 1]).toBe('沒有問題');
    expect(ok.lines[0]).toMatch(/^記憶體：.*：沒有問題$/);
  });
});
