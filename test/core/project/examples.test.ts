// The shipped examples: every one loads, validates, compiles, fits its loss, and is saved in
// the canonical form (so opening and saving one in the app changes nothing).
import { describe, expect, it } from 'vitest';
import { checkLossFit, compileModel, makeDataset, projectToSpec, serializeProject, newProject, validateSettings } from '../../../core/index';
import { EXAMPLES, exampleText, loadOk } from './helpers';

describe('examples', () => {
  it.each(EXAMPLES)('%s parses, compiles, fits its loss and is untrained', (name) => {
    const text = exampleText(name);
    const p = loadOk(text);
    expect(p.weights).toBeNull();
    expect(p.runs).toEqual([]);
    expect(validateSettings(p.training)).toEqual([]);
    const data = makeDataset(p.dataset);
    if (!data.ok) throw new Error(JSON.stringify(data.problems));
    const compiled = compileModel(projectToSpec(p), data.dataset.inputShape);
    if (!compiled.ok) throw new Error(JSON.stringify(compiled.problems));
    expect(checkLossFit(compiled.model, p.training.loss, data.dataset.numClasses)).toEqual([]);
    const saved = serializeProject(p);
    expect(saved.ok && saved.text).toBe(text);
  });

  it('lays every example out in reading order (left to right, then the next row down) with readable ids', () => {
    for (const name of EXAMPLES) {
      const nodes = loadOk(exampleText(name)).graph.nodes;
      expect(nodes[0].id).toBe('input');
      for (let i = 1; i < nodes.length; i++) {
        const [prev, cur] = [nodes[i - 1].position, nodes[i].position];
        // Same row: further right. Wrapped (the editor's Tidy layout keeps rows short): lower.
        if (cur.y === prev.y) expect(cur.x).toBeGreaterThan(prev.x);
        else expect(cur.y).toBeGreaterThan(prev.y);
      }
      for (const n of nodes) expect(n.id).toMatch(/^[a-z]+\d*$/);
    }
  });

  it("xor.bpnn is the lab's network and settings", () => {
    const p = loadOk(exampleText('xor'));
    expect(p.graph.nodes.map((n) => n.type)).toEqual(['Input', 'Linear', 'Sigmoid', 'Linear', 'Sigmoid', 'Linear', 'Sigmoid']);
    expect(p.graph.nodes.filter((n) => n.type === 'Linear').map((n) => n.params.outFeatures)).toEqual([32, 32, 1]);
    expect(p.training).toMatchObject({ loss: 'bce', optimizer: { type: 'SGD', lr: 0.05 }, epochs: 5000, init: 'normal' });
  });

  it.each(['xor', 'linear'])("%s.bpnn trains in the lab's regime (one step per sample, in order) with the lab's BCE clip, and says so", (name) => {
    const p = loadOk(exampleText(name));
    expect(p.training).toMatchObject({ regime: 'perSample', batchSize: 1, shuffle: false, bceClip: 1e-6, optimizer: { type: 'SGD', lr: 0.05 }, init: 'normal' });
    expect(p.description).toMatch(/one step after every sample in data order/);
  });

  it('newProject is a blank, valid project with one Input node and the default settings', () => {
    const p = newProject();
    expect(p.graph.nodes.map((n) => n.type)).toEqual(['Input']);
    const saved = serializeProject(p);
    expect(saved.ok).toBe(true);
    expect(validateSettings(p.training)).toEqual([]);
  });
});
