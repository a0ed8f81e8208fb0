import type { NodeFace } from '../types';
import { shownParam } from './value';

export const conv1dNode: NodeFace = {
  type: 'Conv1d',
  title: 'Conv1d',
  category: 'Layers',
  summary: (p) => {
    const v = (key: string) => shownParam('Conv1d', p, key);
    return `${v('outChannels')} ch, k=${v('kernelSize')} s=${v('stride')} p=${v('padding')}`;
  },
};
