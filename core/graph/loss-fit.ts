// Does the loss fit the network's last layer and the data's classes? Checked before
// training, so "BCE after a 3-way Softmax" is a sentence, not a run that never learns.
import { isWeighted } from '../blocks/index';
import type { GraphProblem } from './spec';
import type { CompiledModel, ResolvedLayer } from './resolved';
import type { LossName } from '../train/types';
import { internalErrorSaid, nodeSaid, quotedSaid, tensorSaid, valueSaid } from './describe';
import { say, type Text } from '../messages/text';
import { saying } from '../messages/said';

/** The layer that decides how many outputs there are (the last with weights: a Linear or Conv1d), for "set its size to k". */
function sizingLayer(layers: readonly ResolvedLayer[]): ResolvedLayer | undefined {
  for (let i = layers.length - 1; i >= 0; i--) {
    if (isWeighted(layers[i].type)) return layers[i];
  }
  return undefined;
}

function resizeAdvice(layers: readonly ResolvedLayer[], want: number): Text {
  const l = sizingLayer(layers);
  if (l?.type === 'Linear') return say('graph.loss.setOutFeatures', { node: nodeSaid('Linear', l.nodeId), want });
  return say('graph.loss.endWithLinear', { count: want });
}

export function checkLossFit(model: CompiledModel, loss: LossName, numClasses: number): GraphProblem[] {
  try {
    return fit(model, loss, numClasses);
  } catch (e) {
    return [{ code: 'loss-mismatch', ...saying(internalErrorSaid(say('graph.loss.internal'), e)) }];
  }
}

function fit(model: CompiledModel, loss: LossName, numClasses: number): GraphProblem[] {
  const layers = model.layers;
  const last = layers[layers.length - 1];
  if (last === undefined) {
    return [{ code: 'no-layers', nodeId: model.inputId, ...saying(say('graph.loss.noLayers')) }];
  }
  const lastName = nodeSaid(last.type, last.nodeId);
  const at = { nodeId: last.nodeId };
  if (!Number.isInteger(numClasses) || numClasses < 1) {
    return [{ code: 'labels-mismatch', ...at, ...saying(say('graph.loss.noClasses', { value: valueSaid(numClasses) })) }];
  }
  if (model.outputShape.length !== 1) {
    return [{
      code: 'loss-mismatch',
      ...at,
      ...saying(say('graph.loss.notFlat', { node: lastName, tensor: tensorSaid(model.outputShape), count: loss === 'bce' ? 1 : numClasses })),
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
          ...saying(say(last.type === 'Softmax' ? 'graph.loss.bceSoftmax' : 'graph.loss.bceOutputs', { name: quotedSaid(last.nodeId), outputs })),
        });
      } else if (last.type !== 'Sigmoid') {
        problems.push({
          code: 'loss-mismatch',
          ...at,
          ...saying(say('graph.loss.bceNotSigmoid', { node: lastName })),
        });
      }
      if (numClasses > 2) {
        problems.push({
          code: 'labels-mismatch',
          ...at,
          ...saying(say('graph.loss.bceClasses', { classes: numClasses })),
        });
      }
      break;
    case 'crossEntropy':
      if (last.type !== 'Softmax') {
        problems.push({
          code: 'loss-mismatch',
          ...at,
          ...saying(say(last.type === 'Sigmoid' ? 'graph.loss.ceSigmoid' : 'graph.loss.ceNotSoftmax', { node: lastName })),
        });
      }
      if (outputs !== numClasses) {
        problems.push({
          code: 'labels-mismatch',
          ...at,
          ...saying(numClasses > outputs
            ? say('graph.loss.tooFewOutputs', { classes: numClasses, count: outputs, advice: resizeAdvice(layers, numClasses) })
            : say('graph.loss.tooManyOutputs', { outputs, classes: numClasses, advice: resizeAdvice(layers, numClasses) })),
        });
      }
      break;
    case 'mse':
      if (outputs !== numClasses && !(outputs === 1 && numClasses <= 2)) {
        problems.push({
          code: 'labels-mismatch',
          ...at,
          ...saying(say('graph.loss.mse', { outputs, classes: numClasses, advice: resizeAdvice(layers, numClasses <= 2 ? 1 : numClasses) })),
        });
      }
      break;
    default:
      problems.push({ code: 'loss-mismatch', ...at, ...saying(say('graph.loss.unknown', { value: valueSaid(loss) })) });
  }
  return problems;
}
