// The app's instances of the step-through and neuron-view stores, wired to the project store
// and the backend (tests build their own with createBackpropStore / createNeuronStore).
import { getApi } from '../backend/api';
import { useProjectStore } from '../store/project';
import { createBackpropStore } from './store';
import { createNeuronStore, type WeightsSnapshot } from './neuron-store';

const subscribeProject = (listener: (p: ReturnType<typeof useProjectStore.getState>['project'], prev: ReturnType<typeof useProjectStore.getState>['project']) => void) => {
  useProjectStore.subscribe((s, prev) => {
    if (s.project !== prev.project) listener(s.project, prev.project);
  });
};

export const useBackpropStore = createBackpropStore({
  project: () => useProjectStore.getState().project,
  subscribeProject,
});

export const useNeuronStore = createNeuronStore({
  project: () => useProjectStore.getState().project,
  subscribeProject,
  onTrainingEvent: (listener) => {
    getApi().onTrainingEvent(listener);
  },
  later: (fn) => setTimeout(fn, 0),
});

export type { WeightsSnapshot };
