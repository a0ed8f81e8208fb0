// An optimizer names its rule and reports its own hyperparameters, so the step-through inspector
// needs no instanceof tests (issue 11).
import { describe, expect, it } from 'vitest';
import type { Param } from '../../../core/layers/layer';
import { createOptimizer } from '../../../core/optim/create';
import type { OptimizerSettings } from '../../../core/train/types';

const params = (): Param[] => [{ name: 'weight', value: Float64Array.from([1, 2]), grad: Float64Array.from([0.5, -1]), shape: [2] }];

const CASES: [OptimizerSettings, Record<string, number>][] = [
  [{ type: 'SGD', lr: 0.1 }, {}],
  [{ type: 'Momentum', lr: 0.1, momentum: 0.8 }, { momentum: 0.8 }],
  [{ type: 'RMSProp', lr: 0.1, alpha: 0.9, eps: 1e-6 }, { alpha: 0.9, eps: 1e-6 }],
  [{ type: 'Adam', lr: 0.1, beta1: 0.85, beta2: 0.99, eps: 1e-7 }, { beta1: 0.85, beta2: 0.99, eps: 1e-7 }],
];

describe('optimizer names and hyperparameters', () => {
  it.each(CASES)('%o names its rule and gives its hyperparameters', (settings, hyper) => {
    const o = createOptimizer(settings, params());
    expect(o.name).toBe(settings.type);
    expect(o.hyper()).toEqual(hyper);
  });

  it('gives bias corrections only for Adam, from the steps taken', () => {
    for (const [settings] of CASES) {
      const o = createOptimizer(settings, params());
      o.step();
      o.step();
      const bc = o.biasCorrection();
      if (settings.type === 'Adam') expect(bc).toEqual({ c1: 1 - 0.85 ** 2, c2: 1 - 0.99 ** 2, t: 2 });
      else expect(bc).toBeNull();
    }
  });
});
