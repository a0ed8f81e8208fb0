import type { NodeFace } from '../types';

export const addNode: NodeFace = { type: 'Add', title: 'Add', category: 'Layers', summary: () => 'sum of inputs' };
