// Swish's face: its formula.
import type { NodeFace } from '../types';

export const swishNode: NodeFace = { type: 'Swish', title: 'Swish', category: 'Activations', summary: () => 'x·σ(x)' };
