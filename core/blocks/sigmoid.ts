import { Sigmoid } from '../layers/activations';
import { defineActivation } from './activation';

export const sigmoidBlock = defineActivation('Sigmoid', 'Squashes each value into (0, 1): σ(x) = 1 / (1 + e⁻ˣ). The lab uses it after every Linear.', Sigmoid);
