import { Tanh } from '../layers/activations';
import { defineActivation } from './activation';

export const tanhBlock = defineActivation('Tanh', 'Squashes each value into (−1, 1), centred on zero.', Tanh);
