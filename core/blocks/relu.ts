import { ReLU } from '../layers/activations';
import { defineActivation } from './activation';

export const reluBlock = defineActivation('ReLU', 'Keeps positive values and sets negative ones to 0: max(0, x).', ReLU);
