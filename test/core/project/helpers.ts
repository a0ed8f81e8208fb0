// Shared fixtures and fast-check arbitraries for the project-file tests.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { NODE_TYPES, GENERATORS, PARAM_KEYS, PROJECT_VERSION, nodeId, parseProject, type Project, type ProjectNode, type DatasetSpec, type TrainingSettings, type RunRecord, type Weights } from '../../../core/index';

export const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
export const EXAMPLES = ['xor', 'linear', 'spiral-softmax', 'waves-conv1d', 'residual-spiral'] as const;

export function readText(rel: string): string {
  return readFileSync(ROOT + rel, 'utf8');
}

export function loadOk(text: string): Project {
  const r = parseProject(text);
  if (!r.ok) throw new Error(`expected a valid project, got ${JSON.stringify(r.problems)}`);
  return r.project;
}

export const exampleText = (name: string): string => readText(`examples/${name}.bpnn`);
export const goldenText = (): string => readText('test/fixtures/projects/v1-golden.bpnn');
export const goldenV2Text = (): string => readText('test/fixtures/projects/v2-golden.bpnn');

/** What JSON can hold: -0 becomes 0 and undefined fields disappear. */
export const asJson = <T>(v: T): T => JSON.parse(JSON.stringify(v)) as T;

const finite = fc.double({ noNaN: true, noDefaultInfinity: true });
const smallInt = fc.integer({ min: 0, max: 1000 });
const text = fc.string({ maxLength: 12 });
const id = fc.string({ minLength: 1, maxLength: 8 }).filter((s) => !['__proto__', 'constructor', 'prototype'].includes(s));

const settingsArb: fc.Arbitrary<TrainingSettings> = fc.record({
  loss: fc.constantFrom('bce', 'crossEntropy', 'mse'),
  optimizer: fc.oneof(
    fc.record({ type: fc.constant('SGD' as const), lr: finite }),
    fc.record({ type: fc.constant('Momentum' as const), lr: finite, momentum: finite }),
    fc.record({ type: fc.constant('RMSProp' as const), lr: finite, alpha: finite, eps: finite }),
    fc.record({ type: fc.constant('Adam' as const), lr: finite, beta1: finite, beta2: finite, eps: finite }),
  ),
  schedule: fc.oneof(
    fc.record({ type: fc.constant('constant' as const) }),
    fc.record({ type: fc.constant('step' as const), stepSize: fc.integer({ min: 1, max: 100 }), gamma: finite }),
    fc.record({ type: fc.constant('exponential' as const), gamma: finite }),
    fc.record({ type: fc.constant('cosine' as const), minLr: finite }),
  ),
  epochs: smallInt,
  batchSize: smallInt,
  testSplit: fc.double({ min: 0, max: 0.99, noNaN: true }),
  seed: fc.integer(),
  init: fc.constantFrom('normal', 'xavier', 'he'),
  clipNorm: fc.option(fc.double({ min: 0.001, max: 100, noNaN: true }), { nil: null }),
  shuffle: fc.boolean(),
});

const datasetArb: fc.Arbitrary<DatasetSpec> = fc.oneof(
  fc.record(
    {
      kind: fc.constant('generator' as const),
      generator: fc.constantFrom(...GENERATORS),
      params: fc.record({ n: fc.integer({ min: 1, max: 5000 }), noise: fc.double({ min: 0, max: 2, noNaN: true }), classes: fc.integer({ min: 1, max: 5 }), length: fc.integer({ min: 1, max: 64 }) }, { requiredKeys: [] }),
      seed: fc.integer(),
    },
  ),
  fc.integer({ min: 1, max: 3 }).chain((width) =>
    fc.integer({ min: 1, max: 3 }).chain((classes) =>
      fc.array(fc.tuple(fc.array(finite, { minLength: width, maxLength: width }), fc.integer({ min: 0, max: classes - 1 })), { maxLength: 5 }).chain((rows) =>
        fc.record({
          kind: fc.constant('inline' as const),
          name: text,
          featureNames: fc.array(text, { minLength: width, maxLength: width }),
          features: fc.constant(rows.map((r) => r[0])),
          labels: fc.constant(rows.map((r) => r[1])),
          classNames: fc.array(text, { minLength: classes, maxLength: classes }),
        }),
      ),
    ),
  ),
);

const runArb = (settings: TrainingSettings, dataset: fc.Arbitrary<DatasetSpec>): fc.Arbitrary<RunRecord> =>
  fc.record(
    {
      id,
      name: text,
      createdAt: fc.constant('2026-11-27T12:00:00.000Z'),
      settings: fc.constant(settings),
      dataset,
      sweep: fc.record({ id: text, setting: text, value: text }),
      curves: fc.record({ loss: fc.array(finite, { maxLength: 4 }), accuracy: fc.array(finite, { maxLength: 4 }), testLoss: fc.option(fc.array(finite, { maxLength: 4 }), { nil: null }), testAccuracy: fc.option(fc.array(finite, { maxLength: 4 }), { nil: null }), lr: fc.array(finite, { maxLength: 4 }) }),
      result: fc.record({
        state: fc.constantFrom('done', 'stopped', 'diverged', 'error'),
        epochs: smallInt,
        loss: fc.option(finite, { nil: null }),
        accuracy: fc.option(finite, { nil: null }),
        testAccuracy: fc.option(finite, { nil: null }),
        ms: fc.double({ min: 0, max: 1e6, noNaN: true }),
      }),
    },
    { requiredKeys: ['id', 'name', 'createdAt', 'settings', 'dataset', 'curves', 'result'] },
  );

/** Valid projects: random graphs (ids unique, edges between existing nodes), settings, data, weights and runs. */
export const projectArb: fc.Arbitrary<Project> = fc
  .uniqueArray(id, { minLength: 1, maxLength: 6 })
  .chain((ids) =>
    fc
      .record({
        name: text,
        description: text,
        nodes: fc.tuple(
          ...ids.map((nid) =>
            fc.constantFrom(...NODE_TYPES).chain((type) =>
              fc.record({
                id: fc.constant(nodeId(nid)),
                type: fc.constant(type),
                // Only the params the type has: any other key is refused by the loader.
                params: PARAM_KEYS[type].length === 0 ? fc.constant({}) : fc.dictionary(fc.constantFrom<string>(...PARAM_KEYS[type]), fc.oneof(finite, fc.boolean())),
                position: fc.record({ x: finite, y: finite }),
              }),
            ),
          ),
        ),
        edges: fc.array(fc.tuple(fc.constantFrom(...ids), fc.constantFrom(...ids)), { maxLength: 6 }),
        weights: fc.option(
          fc.dictionary(fc.constantFrom(...ids), fc.dictionary(fc.constantFrom('weight', 'bias'), fc.array(finite, { maxLength: 6 }).map((data) => ({ shape: [data.length], data })))),
          { nil: null },
        ),
        settings: settingsArb,
        dataset: datasetArb,
        older: datasetArb,
      })
      .chain((r) =>
        // A run trains on the project's data (the same object, or an equal copy as after a
        // round trip through a worker), or on older data that other runs may share: the
        // writer's references to the project and to earlier runs (dataset-refs.ts).
        fc.array(runArb(r.settings, fc.constantFrom(r.dataset, structuredClone(r.dataset), r.older, structuredClone(r.older))), { maxLength: 3 }).map(
          (runs): Project => ({
            format: 'bpnn-project',
            version: PROJECT_VERSION,
            name: r.name,
            description: r.description,
            graph: {
              nodes: r.nodes as ProjectNode[],
              edges: r.edges.map(([s, t], i) => ({ id: `e${i}`, source: nodeId(s), target: nodeId(t) })),
            },
            dataset: r.dataset,
            training: r.settings,
            weights: r.weights as Weights | null,
            runs,
          }),
        ),
      ),
  );


export { english } from '../../helpers/said';
