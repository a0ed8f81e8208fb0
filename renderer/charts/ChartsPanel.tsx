// The charts under the canvas: loss and accuracy per epoch (live while training, else the
// last run of the project), and for the trained network the decision boundary (2-D data),
// the lab's ground-truth-vs-prediction figure, the confusion matrix and a predictions table.
import { useChartWords } from '../i18n/chart-words';
import { useEffect, useMemo, useRef, useState, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import type { EpochMetrics, Project, RunCurves } from '../../core/index';
import { formatNumber } from '../../core/index';
import { useProjectStore } from '../store/project';
import { isActive } from '../store/training-events';
import { useTrainingStore } from '../store/training';
import { useMainRun } from '../store/use-main-run';
import { previousSetupText } from '../store/run-setup';
import { useStaleParts } from '../store/use-stale-parts';
import { ChartCard } from '../compare/ChartCard';
import { fileStem } from '../compare/export';
import { boundaryCanvas } from './boundary-image';
import { boundaryOption, squareChartBox, type Grid } from '../../report/charts/boundary-options';
import { firstRowChartHeight, MAX_CHART_PX } from './first-row';
import { confusionMatrix, confusionMatrixOption } from './confusion-options';
import { comparisonOption } from '../../report/charts/data-options';
import { useDatasetView } from './dataset-view';
import { accuracyChartOption, lossChartOption } from './metrics-options';
import { boundaryExtent } from '../../report/charts/plot-data';
import { PredictionTable } from './PredictionTable';
import { predictionSteps, type Predictions } from '../../report/charts/predictions';
import { metricsFromCurves } from './run-curves';
import { useLiveCharts } from './use-live-charts';
import { t } from '../i18n';
import './charts.css';

const EMPTY: EpochMetrics[] = [];
/** A chart's frame (1 px each side): the card is this much wider than the chart it holds. */
const CARD_BORDER_PX = 2;

/** What the loss and accuracy charts need to say in words: the epoch count and the last values. */
interface CurveSummary {
  epochs: number;
  lastLoss: number | null;
  lastAccuracy: number | null;
}

function describeLast(c: CurveSummary, what: 'loss' | 'accuracy'): string {
  const v = what === 'loss' ? c.lastLoss : c.lastAccuracy;
  if (c.epochs === 0 || v === null) return t('charts.noEpochs');
  const value = what === 'loss' ? formatNumber(v) : `${(v * 100).toFixed(1)}%`;
  return what === 'loss' ? t('charts.lastLoss', { count: c.epochs, value }) : t('charts.lastAccuracy', { count: c.epochs, value });
}

function summaryOfMetrics(metrics: readonly EpochMetrics[]): CurveSummary {
  const last = metrics[metrics.length - 1];
  return { epochs: metrics.length, lastLoss: last?.loss ?? null, lastAccuracy: last?.accuracy ?? null };
}

function summaryOfCurves(c: RunCurves): CurveSummary {
  const n = c.loss.length;
  return { epochs: n, lastLoss: n ? c.loss[n - 1] : null, lastAccuracy: n ? c.accuracy[n - 1] : null };
}

/** `make()`, computed on first use and kept. */
function once<T>(make: () => T): () => T {
  let value: { v: T } | null = null;
  return () => (value ??= { v: make() }).v;
}

/**
 * The trained network's predictions, computed after the run's last frame in slices of a few
 * milliseconds each (so the end of a run, or opening a large project, is never one long task),
 * and kept while blocks are only moved.
 */
function usePredictions(project: Project, off: boolean): { predictions: Predictions | null; unfit: boolean } {
  // unfit: computed, and the saved weights do not fit the network as it is now. `of` is the
  // project they were computed for: until the new project's are ready (a few tasks later), the
  // old ones are not shown, as they may describe other data (4 XOR rows read as 100).
  const [value, setValue] = useState<{ of: Project | null; predictions: Predictions | null; unfit: boolean }>({ of: null, predictions: null, unfit: false });
  const hasWeights = project.weights !== null;
  useEffect(() => {
    if (off || !hasWeights) return;
    const steps = predictionSteps(project);
    let timer = 0;
    const slice = () => {
      const until = performance.now() + SLICE_MS;
      for (;;) {
        const s = steps.next();
        if (s.done) return setValue({ of: project, predictions: s.value, unfit: s.value === null });
        if (performance.now() >= until) break;
      }
      timer = window.setTimeout(slice, 0);
    };
    timer = window.setTimeout(slice, 0);
    return () => {
      clearTimeout(timer);
      // An unfinished computation is dropped, not cached: the next project starts its own.
      steps.return(null);
    };
  }, [project, off, hasWeights]);
  return off || !hasWeights || value.of !== project ? NO_PREDICTIONS : value;
}

/** Work per task while computing predictions: well inside a frame, even on a slow device. */
const SLICE_MS = 8;

const NO_PREDICTIONS = { predictions: null, unfit: false };

/** The first row's chart height, following the results pane's size (the splitter, the window). */
function useFirstRowHeight(box: RefObject<HTMLDivElement | null>): number {
  const [height, setHeight] = useState(260);
  useEffect(() => {
    const pane = box.current?.closest('section.charts');
    if (!pane) return;
    const measure = () => {
      const tabs = pane.querySelector('.results-tabs');
      setHeight(firstRowChartHeight(pane.clientHeight, tabs ? tabs.getBoundingClientRect().height : 0));
    };
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(pane);
    return () => observer.disconnect();
  }, [box]);
  return height;
}

export function ChartsPanel() {
  const { t } = useTranslation();
  const status = useTrainingStore((s) => s.status);
  const totalEpochs = useTrainingStore((s) => s.totalEpochs);
  // Redrawn a few times a second while training (the numbers in the run bar follow every
  // frame); each redraw of every chart then fits well inside a frame budget.
  const { metrics: liveMetrics, boundary: liveGrid } = useLiveCharts();
  const project = useProjectStore((s) => s.project);
  const view = useDatasetView();
  const stale = useStaleParts();
  const box = useRef<HTMLDivElement | null>(null);
  const rowHeight = useFirstRowHeight(box);
  // The boundary's plot is square; the loss and accuracy charts share the rest of the row.
  const square = squareChartBox(Math.max(60, rowHeight - 80));

  const active = isActive(status);
  const lastRun = useMainRun();
  // While a run goes, its live curves; afterwards the project's last run (which that run became).
  const live = active || (liveMetrics.length > 0 && status === 'error');
  // The saved run's curves become per-epoch metrics only when a chart draws them, in that
  // chart's own task: at the end of a 100 000-epoch run the render that swaps live for saved
  // stays small.
  const metrics = useMemo(() => (live ? () => liveMetrics : once(() => (lastRun ? metricsFromCurves(lastRun.curves) : EMPTY))), [live, liveMetrics, lastRun]);
  const summary = useMemo(
    () => (live ? summaryOfMetrics(liveMetrics) : lastRun ? summaryOfCurves(lastRun.curves) : summaryOfMetrics(EMPTY)),
    [live, liveMetrics, lastRun],
  );
  const epochsAxis = active ? totalEpochs : (lastRun?.settings.epochs ?? totalEpochs);

  // t: the titles and legends are in the chosen language.
  const lossOpt = useMemo(() => () => lossChartOption(metrics(), epochsAxis), [metrics, epochsAxis, t]);
  const accOpt = useMemo(() => () => accuracyChartOption(metrics(), epochsAxis), [metrics, epochsAxis, t]);

  // Results of another set-up are never drawn against this one's data.
  const previous = stale.length > 0;
  const lossDescription = (previous ? t('charts.fromPrevious') : '') + describeLast(summary, 'loss');
  const accuracyDescription = (previous ? t('charts.fromPrevious') : '') + describeLast(summary, 'accuracy');
  const { predictions, unfit } = usePredictions(project, active || previous);
  const stem = fileStem(project.name);
  const plot = view.ok ? view.plot : null;
  const points2d = view.ok && view.kind === 'points2d';

  const words = useChartWords();
  const grid: Grid | null = active ? liveGrid : previous ? null : (predictions?.grid ?? liveGrid);
  const boundaryOpt = useMemo(
    () => (grid && plot && points2d ? boundaryOption(grid, plot, boundaryExtent(plot, grid.res), boundaryCanvas(grid), words) : null),
    [grid, plot, points2d, words],
  );
  const comparisonOpt = useMemo(
    () => (predictions && plot && points2d ? comparisonOption(plot, predictions.predicted, words) : null),
    [predictions, plot, points2d, words],
  );
  const confusionOpt = useMemo(
    () => (predictions && plot ? confusionMatrixOption(confusionMatrix(plot.labels, predictions.predicted, predictions.numClasses), plot.classNames) : null),
    [predictions, plot, t],
  );

  return (
    <div ref={box} className={previous ? 'charts-grid previous' : 'charts-grid'}>
      {previous ? (
        <p className="charts-hint previous-setup" role="status" data-testid="previous-setup">
          {previousSetupText(stale)}
        </p>
      ) : null}
      {/* First row, in view without scrolling: the decision boundary (its place kept while it
          is not there yet), then loss and accuracy. */}
      {boundaryOpt ? (
        <ChartCard option={boundaryOpt} label={t('charts.boundary')} testId="boundary-chart" fileStem={`${stem}-boundary`} height={square.height} width={square.width + CARD_BORDER_PX} />
      ) : points2d && !previous ? (
        <div className="boundary-placeholder" style={{ width: square.width + CARD_BORDER_PX, height: square.height }} data-testid="boundary-placeholder">
          {t('charts.boundaryPlaceholder')}
        </div>
      ) : null}
      <ChartCard option={lossOpt} label={t('charts.lossChart')} description={lossDescription} testId="loss-chart" fileStem={`${stem}-loss`} height={rowHeight} />
      <ChartCard option={accOpt} label={t('charts.accuracyChart')} description={accuracyDescription} testId="accuracy-chart" fileStem={`${stem}-accuracy`} height={rowHeight} />
      {comparisonOpt ? (
        <ChartCard option={comparisonOpt} label={t('charts.comparison')} testId="comparison-chart" fileStem={`${stem}-prediction`} height={Math.min(MAX_CHART_PX, Math.max(260, rowHeight))} wide />
      ) : null}
      {confusionOpt ? <ChartCard option={confusionOpt} label={t('charts.confusionMatrix')} testId="confusion-chart" fileStem={`${stem}-confusion`} height={260} wide /> : null}
      {predictions && plot ? <PredictionTable data={plot} predictions={predictions} /> : null}
      {unfit ? (
        <p className="charts-hint" role="status">
          {t('charts.unfit')}
        </p>
      ) : null}
      {!predictions && !active && summary.epochs === 0 && !previous ? (
        <p className="charts-hint">{t('charts.pressTrain')}</p>
      ) : null}
    </div>
  );
}
