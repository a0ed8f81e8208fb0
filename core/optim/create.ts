import type { OptimizerSettings } from '../train/types';
import type { Param } from '../layers/layer';
import { Adam } from './adam';
import { Momentum } from './momentum';
import type { Optimizer } from './optimizer';
import { RMSProp } from './rmsprop';
import { SGD } from './sgd';

export function createOptimizer(s: OptimizerSettings, params: readonly Param[]): Optimizer {
  switch (s.type) {
    case 'SGD':
      return new SGD(params, s.lr);
    case 'Momentum':
      return new Momentum(params, s.lr, s.momentum);
    case 'RMSProp':
      return new RMSProp(params, s.lr, s.alpha, s.eps);
    case 'Adam':
      return new Adam(params, s.lr, s.beta1, s.beta2, s.eps);
  }
}
