// @vitest-environment jsdom
// Issue 5: every chart under the canvas and the dataset plot can be saved as PNG and as SVG,
// through the same ChartCard buttons the Compare and Runs views use.
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { buildRunRecord, createTrainingSession, projectToSpec, type Project } from '../../../core/index';
import { ChartsPanel } from '../../../renderer/charts/ChartsPanel';
import { downloadChartPng, downloadChartSvg } from '../../../renderer/compare/export';
import { DatasetPanel } from '../../../renderer/data/DatasetPanel';
import { useProjectStore } from '../../../renderer/store/project';
import { exampleProject } from '../fixtures';

vi.mock('../../../renderer/compare/export', async (importOriginal) => ({
  ...(await importOriginal<typeof import('../../../renderer/compare/export')>()),
  downloadChartPng: vi.fn(() => true),
  downloadChartSvg: vi.fn(),
}));

// jsdom has no canvas for ECharts to draw on: the chart is its accessible figure and the box
// the PNG export reads from, which is what these tests look at.
vi.mock('../../../renderer/charts/EChart', () => ({
  EChart: ({ label, description }: { label: string; description?: string }) => (
    <figure role="img" aria-label={label}>
      <div className="chart-canvas" />
      {description ? <figcaption>{description}</figcaption> : null}
    </figure>
  ),
}));

// The boundary's small image asks for a 2-D context; without one it is simply left blank.
vi.spyOn(HTMLCanvasElement.prototype, 'getContext').mockReturnValue(null);

const EPOCHS = 50;

/** The XOR example after a short in-thread run: one saved run and its weights. */
function trainedXor(): Project {
  const project = exampleProject('xor');
  const settings = { ...project.training, epochs: EPOCHS };
  const created = createTrainingSession({ spec: projectToSpec(project), dataset: project.dataset, settings }, { now: () => 0 });
  if (!created.ok) throw new Error('the XOR example does not start training');
  let result = created.session.runBatches(1e6).finished;
  while (!result) result = created.session.runBatches(1e6).finished;
  const run = buildRunRecord({ id: 'r1', name: 'Run 1', createdAt: '2026-01-01T00:00:00.000Z', settings, dataset: project.dataset, metrics: created.session.metrics(), result });
  return { ...project, training: settings, runs: [run], weights: created.session.weights() };
}

afterEach(() => {
  cleanup();
  vi.mocked(downloadChartPng).mockClear();
  vi.mocked(downloadChartSvg).mockClear();
});

describe('weights that no longer fit', () => {
  it('say why the boundary and predictions are missing after the network changed', async () => {
    const trained = trainedXor();
    // fc1 now has 16 units: the saved 32-unit weights do not fit.
    const graph = { ...trained.graph, nodes: trained.graph.nodes.map((n) => (n.id === 'fc1' ? { ...n, params: { ...n.params, outFeatures: 16 } } : n)) };
    act(() => useProjectStore.getState().loadProject({ ...trained, graph }, null, 'xor.bpnn'));
    render(<ChartsPanel />);
    const hint = await screen.findByText(/no longer fit it/);
    expect(hint.textContent).toContain('appear again after you train (or Undo the change)');
    expect(screen.queryByRole('img', { name: 'Decision boundary' })).toBeNull();
    cleanup();
    // With weights that fit, no such hint.
    act(() => useProjectStore.getState().loadProject(trained, null, 'xor.bpnn'));
    render(<ChartsPanel />);
    await screen.findByRole('img', { name: 'Confusion matrix' });
    expect(screen.queryByText(/no longer fit it/)).toBeNull();
  });
});

describe('chart exports', () => {
  it('offers PNG and SVG for loss, accuracy, decision boundary, prediction and confusion charts of a trained network', async () => {
    act(() => useProjectStore.getState().loadProject(trainedXor(), null, 'xor.bpnn'));
    render(<ChartsPanel />);
    await screen.findByRole('img', { name: 'Confusion matrix' });
    for (const label of ['Loss chart', 'Accuracy chart', 'Decision boundary', 'Ground truth and prediction', 'Confusion matrix']) {
      expect(screen.getByRole('img', { name: label })).toBeTruthy();
      expect(screen.getByRole('button', { name: `Save ${label} as PNG` })).toBeTruthy();
      expect(screen.getByRole('button', { name: `Save ${label} as SVG` })).toBeTruthy();
    }
    expect(screen.getByRole('img', { name: 'Loss chart' }).textContent).toContain(`${EPOCHS} epochs`);

    fireEvent.click(screen.getByRole('button', { name: 'Save Decision boundary as SVG' }));
    expect(downloadChartSvg).toHaveBeenCalledTimes(1);
    const [option, fileName] = vi.mocked(downloadChartSvg).mock.calls[0];
    expect(fileName).toBe('xor-the-backprop-lab-boundary.svg');
    expect(JSON.stringify((option as { title: unknown }).title)).toContain('Decision boundary');

    fireEvent.click(screen.getByRole('button', { name: 'Save Loss chart as PNG' }));
    const [card, pngName] = vi.mocked(downloadChartPng).mock.calls[0];
    expect(pngName).toBe('xor-the-backprop-lab-loss.png');
    expect(card?.querySelector('[role="img"]')?.getAttribute('aria-label')).toBe('Loss chart');
  });

  it('offers PNG and SVG for the dataset plot', () => {
    act(() => useProjectStore.getState().loadProject(exampleProject('xor'), null, 'xor.bpnn'));
    render(<DatasetPanel />);
    fireEvent.click(screen.getByRole('button', { name: 'Save Data scatter plot as SVG' }));
    expect(vi.mocked(downloadChartSvg).mock.calls[0][1]).toBe('xor-the-backprop-lab-data.svg');
    expect(screen.getByRole('button', { name: 'Save Data scatter plot as PNG' })).toBeTruthy();
  });
});
