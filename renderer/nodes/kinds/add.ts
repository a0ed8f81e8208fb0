import { t } from '../../i18n';
import type { NodeFace } from '../types';

export const addNode: NodeFace = { type: 'Add', title: 'Add', category: 'Layers', summary: () => t('blockFace.summary.add') };
