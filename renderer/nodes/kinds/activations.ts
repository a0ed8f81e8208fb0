// The element-wise activations: one definition each, sharing the parts that are the same.
import { DEFAULT_LEAKY_SLOPE, type NodeType } from '../../../core/index';
import type { NodeDefinition, ParamSchema, Params } from '../types';

function activation(
  type: NodeType,
  description: string,
  formula: string,
  params: readonly ParamSchema[] = [],
  summary: (p: Params) => string = () => formula,
): NodeDefinition {
  return { type, title: type, category: 'Activations', description, ports: { input: true, output: true }, params, summary };
}

export const sigmoidNode = activation('Sigmoid', 'Squashes each value into (0, 1): σ(x) = 1 / (1 + e⁻ˣ). The lab uses it after every Linear.', 'σ(x)');
export const tanhNode = activation('Tanh', 'Squashes each value into (−1, 1), centred on zero.', 'tanh(x)');
export const reluNode = activation('ReLU', 'Keeps positive values and sets negative ones to 0: max(0, x).', 'max(0, x)');
export const leakyReluNode = activation(
  'LeakyReLU',
  'Like ReLU, but negative values are scaled by a small slope instead of set to 0.',
  'leaky',
  [
    {
      key: 'negativeSlope',
      label: 'Negative slope',
      kind: 'number',
      default: DEFAULT_LEAKY_SLOPE,
      min: 0,
      max: 1,
      step: 0.01,
      help: 'Multiplier for negative inputs: 0 makes it a ReLU, 1 an Identity.',
    },
  ],
  (p) => `slope ${typeof p.negativeSlope === 'number' ? p.negativeSlope : DEFAULT_LEAKY_SLOPE}`,
);
export const identityNode = activation('Identity', 'Passes values through unchanged: use it to try a layer "without activation".', 'x');
