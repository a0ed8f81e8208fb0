// The step-through inspector and neuron views: everything the renderer's Backprop panel uses.
export * from './types';
export { createStepper, type Stepper, type StepperOptions } from './stepper';
export { explain, outSym as outputSymbol, inSym as inputSymbol } from './why';
export { sub as subscript } from './format';
export { num as formatWhyNumber, coords } from './format';
export { createInspector, batchOf, MAX_INSPECT_SAMPLES, type InspectRequest, type InspectResult } from './inspect';
export { neuronGrids, planePoints, createNeuronModel, initialWeights, MAX_NEURON_UNITS, type NeuronGrid, type NeuronModel, type PlaneBounds } from './neurons';
export { trainingGradients, MAX_GRADIENT_SAMPLES, type ParamGradients, type TrainingGradientsResult } from './gradients';
export { createLiveSnapshots, MAX_NEURON_RESOLUTION, type LiveSnapshots, type WeightsEvent } from './live';
