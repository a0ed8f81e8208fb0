// Does the loss fit the network's last layer and the data's classes? Checked before
// training, so "BCE after a 3-way Softmax" is a sentence, not a run that never learns.
import type { GraphProblem } from './spec';
import type { CompiledModel, ResolvedLayer } from './resolved';
import type { LossName } from '../train/types';
import { internalErrorText, nodeLabel, tensorText, valueText } from './describe';

/** The layer that decides how many outputs there are (the last Linear or Conv1d), for "set its size to k". */
function sizingLayer(layers: readonly ResolvedLayer[]): ResolvedLayer | undefined {
  for (let i = layers.length - 1; i >= 0; i--) {
    if (layers[i].type === 'Linear' || layers[i].type === 'Conv1d') return layers[i];
  }
  return undefined;
}

function resizeAdvice(layers: readonly ResolvedLayer[], want: number): string {
  const l = sizingLayer(layers);
  if (l?.type === 'Linear') return `set ${nodeLabel('Linear', l.nodeId)} outFeatures to ${want}`;
  return `end the network with a Linear of ${want} output${want === 1 ? '' : 's'}`;
}

export function checkLossFit(model: CompiledModel, loss: LossName, numClasses: number): GraphProblem[] {
  try {
    return fit(model, loss, numClasses);
  } catch (e) {
    return [{ code: 'loss-mismatch', message: internalErrorText('check the loss against the network', e) }];
  }
}

function fit(model: CompiledModel, loss: LossName, numClasses: number): GraphProblem[] {
  const layers = model.layers;
  const last = layers[layers.length - 1];
  if (last === undefined) {
    return [{ code: 'no-layers', nodeId: model.inputId, message: 'The network has no layers after its Input: add some, e.g. Linear then Sigmoid.' }];
  }
  const lastName = nodeLabel(last.type, last.nodeId);
  const at = { nodeId: last.nodeId };
  if (!Number.isInteger(numClasses) || numClasses < 1) {
    return [{ code: 'labels-mismatch', ...at, message: `The data has no usable classes (${valueText(numClasses)}): check the dataset's labels.` }];
  }
  if (model.outputShape.length !== 1) {
    return [{
      code: 'loss-mismatch',
      ...at,
      message: `${lastName} outputs ${tensorText(model.outputShape)}, but a loss compares one score per class: add a Flatten and a Linear of ${loss === 'bce' ? 1 : numClasses} output${loss === 'bce' ? '' : 's'} at the end.`,
    }];
  }
  const outputs = model.outputShape[0];
  const problems: GraphProblem[] = [];
  switch (loss) {
    case 'bce':
      if (outputs !== 1) {
        problems.push({
          code: 'loss-mismatch',
          ...at,
          message: `Binary cross-entropy needs one Sigmoid output, but '${last.nodeId}' outputs ${outputs}${last.type === 'Softmax' ? ' classes' : ' values'}: use cross-entropy${last.type === 'Softmax' ? '' : ' with a Softmax at the end'}, or end with Linear(1) + Sigmoid.`,
        });
      } else if (last.type !== 'Sigmoid') {
        problems.push({
          code: 'loss-mismatch',
          ...at,
          message: `Binary cross-entropy needs a probability from a Sigmoid, but the last layer is ${lastName}: add a Sigmoid after it.`,
        });
      }
      if (numClasses > 2) {
        problems.push({
          code: 'labels-mismatch',
          ...at,
          message: `Binary cross-entropy handles 2 classes, but the data has ${numClasses}: use cross-entropy and end with a Linear of ${numClasses} outputs + Softmax.`,
        });
      }
      break;
    case 'crossEntropy':
      if (last.type !== 'Softmax') {
        problems.push({
          code: 'loss-mismatch',
          ...at,
          message: `Cross-entropy needs class probabilities from a Softmax, but the last layer is ${lastName}: add a Softmax after it${last.type === 'Sigmoid' ? ' instead of the Sigmoid, or use binary cross-entropy for two classes' : ''}.`,
        });
      }
      if (outputs !== numClasses) {
        problems.push({
          code: 'labels-mismatch',
          ...at,
          message: numClasses > outputs
            ? `The data has ${numClasses} classes, but the network gives only ${outputs} output${outputs === 1 ? '' : 's'}: ${resizeAdvice(layers, numClasses)}.`
            : `The network gives ${outputs} outputs, but the data has only ${numClasses} classes: ${resizeAdvice(layers, numClasses)}.`,
        });
      }
      break;
    case 'mse':
      if (outputs !== numClasses && !(outputs === 1 && numClasses <= 2)) {
        problems.push({
          code: 'labels-mismatch',
          ...at,
          message: `Mean squared error compares the ${outputs} outputs with the labels, so it needs 1 output (for 2 classes) or one per class (${numClasses} here): ${resizeAdvice(layers, numClasses <= 2 ? 1 : numClasses)}.`,
        });
      }
      break;
    default:
      problems.push({ code: 'loss-mismatch', ...at, message: `Unknown loss ${valueText(loss)}: choose bce, crossEntropy or mse.` });
  }
  return problems;
}
