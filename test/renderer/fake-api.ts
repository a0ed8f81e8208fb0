// A BpnnApi for renderer tests: every call a test does not override fails loudly, so a test
// never passes by talking to a backend it did not mean to.
import type { BpnnApi } from '../../runtime/api';

export function fakeApi(overrides: Partial<BpnnApi>): BpnnApi {
  const fail = () => Promise.reject(new Error('not expected in this test'));
  return {
    platform: 'web',
    openProject: fail,
    initialProject: fail,
    openExample: fail,
    saveProject: fail,
    exportWeights: fail,
    exportModel: fail,
    setDocumentState: () => Promise.resolve(),
    recoveryOffers: () => Promise.resolve([]),
    restoreBackup: fail,
    discardBackup: () => Promise.resolve(),
    startTraining: fail,
    pauseTraining: fail,
    resumeTraining: fail,
    stepTraining: fail,
    stopTraining: fail,
    onTrainingEvent: () => () => undefined,
    onMenuCommand: () => () => undefined,
    openExternal: () => Promise.resolve(),
    setLanguage: () => Promise.resolve(),
    ...overrides,
  };
}
