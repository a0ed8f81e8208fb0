import type { NodeFace } from '../types';

export const inputNode: NodeFace = { type: 'Input', title: 'Input', category: 'Input/Output', summary: () => 'from the dataset' };
