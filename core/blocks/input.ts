import { defineBlock } from './define';

export const inputBlock = defineBlock({
  type: 'Input',
  role: 'input',
  description: 'blocks.Input.description',
  params: [],
  create: null,
  format: null,
  // The data's shape, as it enters; no layer.
  infer: ({ inShape }) => ({ outputShape: [...inShape], paramCount: 0, layer: null, problem: null }),
});
