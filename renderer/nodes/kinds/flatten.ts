import { t } from '../../i18n';
import type { NodeFace } from '../types';

export const flattenNode: NodeFace = { type: 'Flatten', title: 'Flatten', category: 'Layers', summary: () => t('blockFace.summary.flatten') };
