import { t } from '../../i18n';
import type { NodeFace } from '../types';

export const concatNode: NodeFace = { type: 'Concat', title: 'Concat', category: 'Layers', summary: () => t('blockFace.summary.concat') };
