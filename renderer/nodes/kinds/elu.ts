// ELU's face: its alpha.
import type { NodeFace } from '../types';

export const eluNode: NodeFace = { type: 'ELU', title: 'ELU', category: 'Activations', summary: (p) => `α=${String(p.alpha ?? 1)}` };
