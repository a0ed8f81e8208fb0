import type { NodeFace } from '../types';
import { shownParam } from './value';

export const linearNode: NodeFace = {
  type: 'Linear',
  title: 'Linear',
  category: 'Layers',
  summary: (p) => {
    const units = shownParam('Linear', p, 'outFeatures');
    return `${units} unit${units === 1 ? '' : 's'}${p.bias === false ? ', no bias' : ''}`;
  },
};
