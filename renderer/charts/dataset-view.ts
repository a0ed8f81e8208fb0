// The open project's dataset, made once per dataset spec and shared by every panel.
import { makeDataset } from '../../core/index';
import type { Dataset, DatasetSpec } from '../../core/index';
import { useProjectStore } from '../store/project';
import type { PlotData } from './plot-data';

export type DatasetView =
  | { ok: true; dataset: Dataset; plot: PlotData; kind: 'points2d' | 'signals' | 'table' }
  | { ok: false; messages: string[] };

export function plotDataOf(d: Dataset): PlotData {
  const dim = d.inputShape.reduce((a, b) => a * b, 1);
  return { x: d.x, labels: d.y, n: d.n, dim, classNames: d.classNames, featureNames: d.featureNames };
}

export function viewKind(d: Dataset): 'points2d' | 'signals' | 'table' {
  if (d.inputShape.length === 2) return 'signals';
  return d.inputShape[0] === 2 ? 'points2d' : 'table';
}

let lastSpec: DatasetSpec | null = null;
let lastView: DatasetView | null = null;

export function datasetViewOf(spec: DatasetSpec): DatasetView {
  if (spec === lastSpec && lastView) return lastView;
  const made = makeDataset(spec);
  const view: DatasetView = made.ok
    ? { ok: true, dataset: made.dataset, plot: plotDataOf(made.dataset), kind: viewKind(made.dataset) }
    : { ok: false, messages: made.problems.map((p) => p.message) };
  lastSpec = spec;
  lastView = view;
  return view;
}

export function useDatasetView(): DatasetView {
  const spec = useProjectStore((s) => s.project.dataset);
  return datasetViewOf(spec);
}
