import { t } from '../../i18n';
import type { NodeFace } from '../types';

export const softmaxNode: NodeFace = { type: 'Softmax', title: 'Softmax', category: 'Input/Output', summary: () => t('blockFace.summary.softmax') };
