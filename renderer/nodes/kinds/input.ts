import { t } from '../../i18n';
import type { NodeFace } from '../types';

export const inputNode: NodeFace = { type: 'Input', title: 'Input', category: 'Input/Output', summary: () => t('blockFace.summary.input') };
