// The real bundled training worker with its second core (the bundled helper thread): a run whose
// products are split ends with the weights of the same run on one thread, bit for bit; the pool
// offers the helper only where each worker can have a core of its own.
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createNodePool, withHelper } from '../../runtime/node-worker';
import type { TrainingPool } from '../../runtime/pool';
import { createRng, defaultSettings, nodeId, type ModelSpec, type TrainingEvent } from '../../core/index';
import type { StartTrainingRequest } from '../../electron/ipc/contract';
import { buildBundles, REAL_ENTRIES } from '../electron/helpers/bundle';

let bundles: Record<string, string> = {};
beforeAll(async () => {
  bundles = await buildBundles({ 'training-worker': REAL_ENTRIES['training-worker'], 'dense-helper': REAL_ENTRIES['dense-helper'] });
}, 600_000);

const pools: TrainingPool[] = [];
afterEach(async () => {
  await Promise.all(pools.splice(0).map((p) => p.dispose()));
});

/** 256-128-10 on 96 random samples, batches of 48: every Linear product is above the split threshold but the last. */
function wideRequest(runId: string): StartTrainingRequest {
  const rng = createRng(5);
  const chain: [string, ModelSpec['nodes'][number]['type'], Record<string, number>][] = [
    ['input', 'Input', {}], ['fc1', 'Linear', { outFeatures: 128 }], ['relu', 'ReLU', {}], ['fc2', 'Linear', { outFeatures: 10 }], ['softmax', 'Softmax', {}],
  ];
  return {
    runId,
    request: {
      spec: {
        nodes: chain.map(([id, type, params]) => ({ id: nodeId(id), type, params })),
        edges: chain.slice(1).map(([id], i) => ({ source: nodeId(chain[i][0]), target: nodeId(id) })),
      },
      dataset: {
        kind: 'inline', name: 'wide', featureNames: Array.from({ length: 256 }, (_, i) => `f${i}`),
        features: Array.from({ length: 96 }, () => Array.from({ length: 256 }, () => rng.next() - 0.5)),
        labels: Array.from({ length: 96 }, () => rng.int(10)),
        classNames: Array.from({ length: 10 }, (_, i) => String(i)),
      },
      settings: { ...defaultSettings(), loss: 'crossEntropy', optimizer: { type: 'SGD', lr: 0.05 }, epochs: 30, batchSize: 48, init: 'he' },
      initialWeights: null,
    },
    boundaryResolution: 0,
  } as StartTrainingRequest;
}

async function finalWeights(helperPath: string | undefined): Promise<unknown> {
  const pool = createNodePool({ workerPath: bundles['training-worker'], helperPath, poolSize: 1 });
  pools.push(pool);
  const events: TrainingEvent[] = [];
  pool.onEvent((e) => events.push(e));
  expect(await pool.start(wideRequest('wide'))).toMatchObject({ ok: true });
  const end = await expect.poll(() => events.find((e) => e.type === 'done' || e.type === 'error'), { timeout: 300_000 }).toBeTruthy()
    .then(() => events.find((e) => e.type === 'done' || e.type === 'error')!);
  expect(end.type, JSON.stringify(end).slice(0, 300)).toBe('done');
  return (end as Extract<TrainingEvent, { weights: unknown }>).weights;
}

describe('a training worker with a second core', () => {
  it('ends with the one-thread weights bit for bit', async () => {
    const one = await finalWeights(undefined);
    const two = await finalWeights(bundles['dense-helper']);
    expect(two).toEqual(one);
  }, 600_000);

  it('is offered a helper only where each worker has a core to spare', () => {
    expect(withHelper(1, 'h', 2)).toBe('h');
    expect(withHelper(2, 'h', 2)).toBeUndefined();
    expect(withHelper(3, 'h', 8)).toBe('h');
    expect(withHelper(1, undefined, 8)).toBeUndefined();
  });
});
