// The one protocol (B6): every TrainingEvent variant survives a trip through the structured
// clone and the schema unchanged, and what is not a protocol message is refused.
import { describe, expect, it } from 'vitest';
import { nodeId, type TrainingEvent } from '../../core/index';
import { parseWorkerCommand, parseWorkerMessage } from '../../runtime/protocol';

const result = { state: 'done' as const, epochs: 3, loss: 0.1, accuracy: 1, testAccuracy: null, ms: 12.5 };
const weights = { fc1: { weight: { shape: [1, 2], data: [0.5, -0.25] }, bias: { shape: [1], data: [0] } } };
const grid = new Float32Array([0, 0.5, 1, 0.25]);

/** One of each: the Record's keys make a variant missing here a compile error. */
const SAMPLES: Record<TrainingEvent['type'], TrainingEvent> = {
  progress: { type: 'progress', runId: 'r', epochs: [{ epoch: 1, loss: NaN, accuracy: 0.5, testLoss: Infinity, testAccuracy: null, lr: 0.1 }], batch: 4 },
  boundary: { type: 'boundary', runId: 'r', epoch: 1, res: 2, numClasses: 2, probs: new Float64Array([0.1, 0.9, 0.2, 0.8, 0.3, 0.7, 0.4, 0.6]) },
  weights: {
    type: 'weights',
    runId: 'r',
    epoch: 1,
    weights,
    neurons: [{ nodeId: nodeId('fc1'), type: 'Linear', units: 1, res: 2, values: grid, min: 0, max: 1, unitMin: new Float32Array([0]), unitMax: new Float32Array([1]) }],
  },
  skipped: { type: 'skipped', runId: 'r', total: 2, last: { epoch: 1, batch: 2, nodeId: 'fc1', layerType: 'Linear', tensor: 'weight', nan: 1, inf: 0 } },
  paused: { type: 'paused', runId: 'r', epoch: 3 },
  resumed: { type: 'resumed', runId: 'r' },
  done: { type: 'done', runId: 'r', result, weights },
  stopped: { type: 'stopped', runId: 'r', result: { ...result, state: 'stopped' }, weights },
  diverged: {
    type: 'diverged',
    runId: 'r',
    result: {
      ...result,
      state: 'diverged',
      diverged: {
        epoch: 2,
        batch: 1,
        value: 'NaN',
        where: { kind: 'gradient', nodeId: nodeId('fc1'), tensor: 'weight' },
        lastFiniteLoss: 0.7,
        keptEpoch: 1,
        message: 'The loss became NaN.',
        advice: ['Lower the learning rate.'],
      },
    },
    weights,
  },
  error: { type: 'error', runId: 'r', message: 'Training stopped unexpectedly: x. Your project is safe.' },
};

describe('the training protocol', () => {
  it.each(Object.values(SAMPLES))('round-trips a $type event through the structured clone and the schema', (event) => {
    const wire = structuredClone({ kind: 'event', event });
    expect(parseWorkerMessage(wire)).toEqual({ kind: 'event', event });
  });

  it('keeps typed arrays typed: a boundary grid of plain numbers is refused', () => {
    const b = SAMPLES.boundary as Extract<TrainingEvent, { type: 'boundary' }>;
    expect(parseWorkerMessage({ kind: 'event', event: { ...b, probs: [...b.probs] } })).toBeNull();
  });

  it('refuses unknown kinds and variants, missing and extra fields', () => {
    expect(parseWorkerMessage({ kind: 'gossip' })).toBeNull();
    expect(parseWorkerMessage({ kind: 'event', event: { type: 'launch', runId: 'r' } })).toBeNull();
    expect(parseWorkerMessage({ kind: 'event', event: { type: 'progress', runId: 'r', epochs: 'many', batch: 1 } })).toBeNull();
    expect(parseWorkerMessage({ kind: 'event', event: { type: 'paused', runId: 'r' } })).toBeNull();
    expect(parseWorkerMessage({ kind: 'event', event: { ...SAMPLES.resumed, extra: 1 } })).toBeNull();
    expect(parseWorkerMessage({ kind: 'event', event: { ...SAMPLES.done, result: { ...result, state: 'finished' } } })).toBeNull();
    expect(parseWorkerMessage('a string')).toBeNull();
  });

  it('accepts the worker commands and nothing else', () => {
    for (const kind of ['pause', 'resume', 'step', 'stop'] as const) expect(parseWorkerCommand({ kind })).toEqual({ kind });
    expect(parseWorkerCommand({ kind: 'explode' })).toBeNull();
    expect(parseWorkerCommand({ kind: 'start' })).toBeNull();
  });
});
