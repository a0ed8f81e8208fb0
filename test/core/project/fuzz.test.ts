// F6 and F7: the loader survives fuzzing, and save/load round-trips without loss.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseProject, serializeProject, validateProjectValue } from '../../../core/index';
import { asJson, exampleText, goldenText, projectArb } from './helpers';

const FUZZ_RUNS = 1000;
const ROUND_TRIP_RUNS = 300;

type Mutation = (doc: Record<string, unknown>, rnd: number) => void;

/** Edits a valid document the ways a damaged or hostile file differs from a good one. */
const mutations: Mutation[] = [
  (d) => delete d.graph,
  (d) => ((d.graph as { nodes: unknown[] }).nodes.push((d.graph as { nodes: unknown[] }).nodes[0])),
  (d, r) => ((d.graph as { nodes: { type: unknown }[] }).nodes[r % 3].type = r),
  (d) => ((d.training as Record<string, unknown>).epochs = '5000'),
  (d, r) => ((d.training as Record<string, unknown>).batchSize = -r),
  (d, r) => ((d.training as Record<string, unknown>).epochs = r * 1e300),
  (d) => (d.weights = { fc1: { weight: { shape: [1e9, 1e9], data: [] } } }),
  (d) => (d.runs = [{}]),
  (d) => (d.version = 99),
  (d, r) => ((d.dataset as Record<string, unknown>).params = r % 2 ? null : []),
];

const mutated = fc.tuple(fc.constantFrom(exampleText('xor'), exampleText('waves-conv1d'), goldenText()), fc.array(fc.tuple(fc.integer({ min: 0, max: mutations.length - 1 }), fc.nat()), { maxLength: 4 })).map(([text, edits]) => {
  const doc = JSON.parse(text) as Record<string, unknown>;
  for (const [m, r] of edits) {
    try {
      mutations[m](doc, r);
    } catch {
      // a mutation may not apply once an earlier one removed its target
    }
  }
  return JSON.stringify(doc);
});

function expectTypedResult(r: ReturnType<typeof parseProject>): void {
  expect(typeof r.ok).toBe('boolean');
  if (!r.ok) {
    expect(r.problems.length).toBeGreaterThan(0);
    expect(r.problems.length).toBeLessThanOrEqual(20);
    for (const p of r.problems) expect(typeof p.message === 'string' && typeof p.path === 'string').toBe(true);
  }
}

describe('fuzzing the loader (F6)', () => {
  it('F6 parseProject never throws on JSON, strings or mutated projects', () => {
    fc.assert(
      fc.property(fc.oneof(fc.json(), fc.string(), mutated, fc.string().map((s) => exampleText('xor').slice(0, s.length * 37))), (input) => {
        expectTypedResult(parseProject(input));
        expect(({} as Record<string, unknown>).polluted).toBeUndefined();
      }),
      { numRuns: FUZZ_RUNS },
    );
  });

  it('F6 validateProjectValue never throws on any JSON value', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (v) => expectTypedResult(validateProjectValue(v))),
      { numRuns: FUZZ_RUNS },
    );
  });
});

describe('round-trip (F7)', () => {
  it('F7 load(save(p)) deep-equals p and save(load(save(p))) is byte-identical', () => {
    fc.assert(
      fc.property(projectArb, (p) => {
        const saved = serializeProject(p);
        if (!saved.ok) throw new Error(saved.message);
        const loaded = parseProject(saved.text);
        if (!loaded.ok) throw new Error(JSON.stringify(loaded.problems));
        expect(loaded.project).toEqual(asJson(p));
        const again = serializeProject(loaded.project);
        expect(again.ok && again.text).toBe(saved.text);
      }),
      { numRuns: ROUND_TRIP_RUNS },
    );
  });

  it('F7 keeps node positions and run names', () => {
    const r = parseProject(goldenText());
    if (!r.ok) throw new Error('golden file must load');
    const saved = serializeProject(r.project);
    const back = saved.ok ? parseProject(saved.text) : null;
    expect(back?.ok && back.project.graph.nodes.map((n) => n.position)).toEqual(r.project.graph.nodes.map((n) => n.position));
    expect(back?.ok && back.project.runs.map((x) => x.name)).toEqual(['lr 0.01', 'too fast']);
  });
});
