import { t } from '../../i18n';
import type { NodeFace } from '../types';
import { shownParam } from './value';

export const conv1dNode: NodeFace = {
  type: 'Conv1d',
  title: 'Conv1d',
  category: 'Layers',
  summary: (p) => {
    const v = (key: string) => shownParam('Conv1d', p, key);
    return t('blockFace.summary.conv1d', { channels: String(v('outChannels')), k: String(v('kernelSize')), s: String(v('stride')), p: String(v('padding')) });
  },
};
