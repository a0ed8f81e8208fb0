// The open project's dataset, made once per dataset spec and shared by every panel.
import { makeDataset } from '../../core/index';
import type { Dataset, DatasetSpec, Said } from '../../core/index';
import { useProjectStore } from '../store/project';
import { plotDataOf, viewKind, type PlotData } from '../../report/charts/plot-data';

export { plotDataOf, viewKind };

export type DatasetView =
  | { ok: true; dataset: Dataset; plot: PlotData; kind: 'points2d' | 'signals' | 'table' }
  /** Why there is no data, as problems each panel says in the app's language. */
  | { ok: false; messages: Said[] };

let lastSpec: DatasetSpec | null = null;
let lastView: DatasetView | null = null;

export function datasetViewOf(spec: DatasetSpec): DatasetView {
  if (spec === lastSpec && lastView) return lastView;
  const made = makeDataset(spec);
  const view: DatasetView = made.ok
    ? { ok: true, dataset: made.dataset, plot: plotDataOf(made.dataset), kind: viewKind(made.dataset) }
    : { ok: false, messages: made.problems };
  lastSpec = spec;
  lastView = view;
  return view;
}

export function useDatasetView(): DatasetView {
  const spec = useProjectStore((s) => s.project.dataset);
  return datasetViewOf(spec);
}
