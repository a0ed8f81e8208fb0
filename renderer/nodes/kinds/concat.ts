import type { NodeFace } from '../types';

export const concatNode: NodeFace = { type: 'Concat', title: 'Concat', category: 'Layers', summary: () => 'inputs side by side' };
