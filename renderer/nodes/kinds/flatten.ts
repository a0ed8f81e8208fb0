import type { NodeFace } from '../types';

export const flattenNode: NodeFace = { type: 'Flatten', title: 'Flatten', category: 'Layers', summary: () => 'to a vector' };
