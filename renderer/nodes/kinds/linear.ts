import { t } from '../../i18n';
import type { NodeFace } from '../types';
import { shownParam } from './value';

export const linearNode: NodeFace = {
  type: 'Linear',
  title: 'Linear',
  category: 'Layers',
  summary: (p) => {
    const units = shownParam('Linear', p, 'outFeatures');
    // A missing size shows as "? units": the plural form of any count but 1.
    const count = typeof units === 'number' ? units : 2;
    return p.bias === false ? t('blockFace.summary.unitsNoBias', { count, units: String(units) }) : t('blockFace.summary.units', { count, units: String(units) });
  },
};
