// File › Export › ONNX / PyTorch and the toolbar's "Export as…": what the renderer asks the
// backend for, and what it tells the student.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { ExportModelRequest } from '../../../runtime/api';
import { setApi } from '../../../renderer/backend/api';
import { exportModel } from '../../../renderer/app/file-actions';
import { useProjectStore } from '../../../renderer/store/project';
import { useUiStore } from '../../../renderer/store/ui';
import { exampleProject } from '../fixtures';
import { fakeApi } from '../fake-api';

const store = () => useProjectStore.getState();

beforeEach(() => {
  store().loadProject(exampleProject('xor'), '/w/xor.bpnn', 'xor.bpnn');
  useUiStore.getState().showBanner(null);
});

describe('exportModel', () => {
  it('says to train first when there are no weights, without asking the backend', async () => {
    const spy = vi.fn();
    setApi(fakeApi({ exportModel: spy }));
    await exportModel('onnx');
    expect(spy).not.toHaveBeenCalled();
    expect(useUiStore.getState().banner).toMatchObject({ kind: 'notice', title: 'Nothing to export yet', lines: ['Train the network first, then export it as an ONNX model.'] });
  });

  it('asks for the format with a name from the open file, and says where it went', async () => {
    const calls: ExportModelRequest[] = [];
    setApi(fakeApi({ exportModel: async (req) => (calls.push(req), { ok: true, fileName: 'xor.py and xor.weights.json' }) }));
    store().loadProject({ ...exampleProject('xor'), weights: { fc1: { weight: { shape: [1], data: [1] } } } }, '/w/xor.bpnn', 'xor.bpnn');
    await exportModel('pytorch');
    expect(calls.map((c) => [c.format, c.suggestedName])).toEqual([['pytorch', 'xor.py']]);
    expect(useUiStore.getState().banner).toMatchObject({ kind: 'notice', title: 'PyTorch model exported', lines: ['Saved as xor.py and xor.weights.json.'] });
  });

  it('shows the refusal as an error banner, and a canceled dialog as nothing', async () => {
    store().loadProject({ ...exampleProject('xor'), weights: {} }, '/w/xor.bpnn', 'xor.bpnn');
    setApi(fakeApi({ exportModel: async () => ({ ok: false, canceled: false, message: 'Weight fc1.weight[0] is NaN' }) }));
    await exportModel('onnx');
    expect(useUiStore.getState().banner).toMatchObject({ kind: 'error', title: 'Could not export the ONNX model', lines: ['Weight fc1.weight[0] is NaN'] });
    useUiStore.getState().showBanner(null);
    setApi(fakeApi({ exportModel: async () => ({ ok: false, canceled: true }) }));
    await exportModel('onnx');
    expect(useUiStore.getState().banner).toBeNull();
  });
});
