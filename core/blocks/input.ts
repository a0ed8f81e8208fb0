import { defineBlock } from './define';
import { defineKind } from './kind';

export const kind = defineKind({
  type: 'Input',
  role: 'input',
  order: 10,
  params: [],
  words: {
    en: {
      description: 'Where the samples enter the network; its shape comes from the dataset.',
    },
    'zh-TW': {
      description: '樣本從這裡進入神經網路；它的形狀由資料集決定。',
    },
  },
});

export const block = defineBlock(kind, {
  create: null,
  format: null,
  // The data's shape, as it enters; no layer.
  infer: ({ inShape }) => ({ outputShape: [...inShape], paramCount: 0, layer: null, problem: null }),
});
