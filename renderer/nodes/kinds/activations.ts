// The element-wise activations' faces: a formula, or the slope of a LeakyReLU.
import type { NodeType } from '../../../core/index';
import type { NodeFace, Params } from '../types';
import { shownParam } from './value';
import { t } from '../../i18n';

const activation = (type: NodeType, summary: (p: Params) => string): NodeFace => ({ type, title: type, category: 'Activations', summary });

export const sigmoidNode = activation('Sigmoid', () => 'σ(x)');
export const tanhNode = activation('Tanh', () => 'tanh(x)');
export const reluNode = activation('ReLU', () => 'max(0, x)');
export const leakyReluNode = activation('LeakyReLU', (p) => t('blockFace.summary.slope', { slope: String(shownParam('LeakyReLU', p, 'negativeSlope')) }));
export const identityNode = activation('Identity', () => 'x');
