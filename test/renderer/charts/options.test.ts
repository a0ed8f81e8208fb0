// The chart option builders are pure: they are checked here on plain data, without a DOM.
import { describe, expect, it } from 'vitest';
import type { EpochMetrics } from '../../../core/index';
import { createTrainingSession, makeDataset, newProject, nodeId, projectToSpec } from '../../../core/index';
import { accuracyChartOption, compactNumber, epochTick, lossChartOption } from '../../../renderer/charts/metrics-options';
import { comparisonOption, scatterOption, signalsOption } from '../../../report/charts/data-options';
import { boundaryOption, boundaryPixels } from '../../../report/charts/boundary-options';
import { confusionMatrix, confusionMatrixOption } from '../../../renderer/charts/confusion-options';
import { BOUNDARY_MAX_TINT, OKABE_ITO, boundaryCellRgb, cividis, hexToRgb } from '../../../report/charts/palette';
import { boundaryExtent, type PlotData } from '../../../report/charts/plot-data';
import { plotDataOf } from '../../../renderer/charts/dataset-view';
import { metricsFromCurves } from '../../../renderer/charts/run-curves';
import { curveInterval, LIVE_CHART_INTERVAL_MS } from '../../../renderer/charts/use-live-charts';
import { xyAt, xyCount } from '../../../report/charts/xy-data';
import { curvesFromMetrics as curvesOf } from '../../../core/index';

/** Digits that must agree between two evaluations of the same grid points. */
const GRID_DIGITS = 12;

type Series = { id: string; name: string; data: unknown[]; type: string; xAxisIndex?: number; dimensions?: string[] };
const seriesOf = (o: object): Series[] => (o as { series: Series[] }).series;

function epochs(n: number, withTest: boolean): EpochMetrics[] {
  return Array.from({ length: n }, (_, i) => ({
    epoch: i + 1,
    loss: 1 / (i + 1),
    accuracy: Math.min(1, i / n),
    testLoss: withTest ? 2 / (i + 1) : null,
    testAccuracy: withTest ? 0.5 : null,
    lr: 0.05,
  }));
}

const points: PlotData = {
  x: [0, 0, 1, 1, 0, 1, 1, 0],
  labels: [0, 0, 1, 1],
  n: 4,
  dim: 2,
  classNames: ['0', '1'],
  featureNames: ['x1', 'x2'],
};

describe('loss and accuracy charts', () => {
  it('keeps every epoch of a 5000-epoch run as a point of the train curve', () => {
    const [train] = seriesOf(lossChartOption(epochs(5000, false), 5000));
    const data = train.data as unknown as Float64Array;
    expect(train.dimensions).toEqual(['x', 'y']);
    expect(xyCount(data)).toBe(5000);
    expect(xyAt(data, 0)).toEqual([1, 1]);
    expect(xyAt(data, 4999)).toEqual([5000, 1 / 5000]);
  });

  it('adds a test curve only when the run has test metrics', () => {
    expect(seriesOf(lossChartOption(epochs(10, false))).map((s) => s.name)).toEqual(['Train loss']);
    expect(seriesOf(lossChartOption(epochs(10, true))).map((s) => s.name)).toEqual(['Train loss', 'Test loss']);
  });

  it('shows accuracy in percent on a 0–100 axis', () => {
    const o = accuracyChartOption(epochs(4, true), 4) as { yAxis: { min: number; max: number } };
    expect(o.yAxis).toMatchObject({ min: 0, max: 100 });
    const [train, test] = seriesOf(o);
    expect(xyAt(train.data as unknown as Float64Array, 2)).toEqual([3, 50]);
    expect(xyAt(test.data as unknown as Float64Array, 0)).toEqual([1, 50]);
  });

  it('leaves out non-finite values instead of drawing them', () => {
    const m = epochs(3, false);
    m[1] = { ...m[1], loss: Number.NaN };
    expect([...(seriesOf(lossChartOption(m))[0].data as unknown as Float64Array)]).toEqual([1, 1, 3, 1 / 3]);
  });

  it('turns a saved run back into the same per-epoch metrics', () => {
    const m = epochs(6, true);
    expect(metricsFromCurves(curvesOf(m))).toEqual(m);
  });
});

describe('live curve redraws', () => {
  it('come every 250 ms, and less often as a curve grows past 20 000 and 50 000 epochs', () => {
    expect(curveInterval(0)).toBe(LIVE_CHART_INTERVAL_MS);
    expect(curveInterval(20_000)).toBe(250);
    expect(curveInterval(20_001)).toBe(500);
    expect(curveInterval(50_001)).toBe(1000);
  });
});

describe('data plots', () => {
  it('draws one scatter series per class with that class’s points', () => {
    const s = seriesOf(scatterOption(points));
    expect(s.map((x) => x.name)).toEqual(['0', '1']);
    expect(s[0].data).toEqual([
      [0, 0],
      [1, 1],
    ]);
    expect(s[1].data).toEqual([
      [0, 1],
      [1, 0],
    ]);
  });

  it('puts ground truth left and predictions right, and rings the wrong predictions', () => {
    const s = seriesOf(comparisonOption(points, [0, 1, 1, 1]));
    const left = s.filter((x) => x.xAxisIndex === 0);
    const right = s.filter((x) => x.xAxisIndex === 1 && x.id !== 'wrong');
    expect(left.map((x) => x.data.length)).toEqual([2, 2]);
    expect(right.map((x) => x.data.length)).toEqual([1, 3]);
    expect(s.find((x) => x.id === 'wrong')?.data).toEqual([[1, 1]]);
  });

  it('shows at most the asked number of example signals per class (waves)', () => {
    const made = makeDataset({ kind: 'generator', generator: 'waves', params: { n: 60 }, seed: 3 });
    if (!made.ok) throw new Error('waves not made');
    const data = plotDataOf(made.dataset);
    const s = seriesOf(signalsOption(data, 2));
    expect(s).toHaveLength(2 * data.classNames.length);
    expect(s[0].data).toHaveLength(data.dim);
  });
});

describe('decision boundary', () => {
  it('covers exactly the area the engine samples: cell centres on the session’s lattice', () => {
    const base = newProject();
    const node = (id: string, type: 'Linear' | 'Sigmoid', params: Record<string, number>) => ({ id: nodeId(id), type, params, position: { x: 0, y: 0 } });
    const project = {
      ...base,
      graph: {
        nodes: [...base.graph.nodes, node('fc', 'Linear', { outFeatures: 1 }), node('s', 'Sigmoid', {})],
        edges: [
          { id: 'e1', source: nodeId('input'), target: nodeId('fc') },
          { id: 'e2', source: nodeId('fc'), target: nodeId('s') },
        ],
      },
    };
    const created = createTrainingSession({ spec: projectToSpec(project), dataset: project.dataset, settings: project.training }, { now: () => 0 });
    if (!created.ok) throw new Error(JSON.stringify(created.problems));
    const res = 8;
    const e = boundaryExtent(plotDataOf(created.session.dataset), res);
    const hx = (e.x1 - e.x0) / res / 2;
    const hy = (e.y1 - e.y0) / res / 2;
    // Sampling our cells' centres explicitly reproduces the session's own default grid.
    const own = Array.from(created.session.decisionGrid(res) ?? []);
    const ours = Array.from(created.session.decisionGrid(res, { x0: e.x0 + hx, x1: e.x1 - hx, y0: e.y0 + hy, y1: e.y1 - hy }) ?? []);
    expect(own).toHaveLength(res * res * 2);
    expect(ours).toHaveLength(own.length);
    ours.forEach((v, i) => expect(v).toBeCloseTo(own[i], GRID_DIGITS));
    // A shifted extent would not: the check can fail.
    const shifted = Array.from(created.session.decisionGrid(res, { x0: e.x0, x1: e.x1, y0: e.y0, y1: e.y1 }) ?? []);
    expect(shifted.some((v, i) => Math.abs(v - own[i]) > 1e-9)).toBe(true);
  });

  it('paints certain cells in the class colour at full tint and chance-level cells white', () => {
    const blue = hexToRgb(OKABE_ITO[0]);
    const sure = boundaryCellRgb([1, 0], 0, 2);
    expect(sure).toEqual(blue.map((c) => Math.round(255 + (c - 255) * BOUNDARY_MAX_TINT)));
    expect(boundaryCellRgb([0.5, 0.5], 0, 2)).toEqual([255, 255, 255]);
    const orange = hexToRgb(OKABE_ITO[1]);
    expect(boundaryCellRgb([0, 0, 1, 0], 1, 2)).toEqual(orange.map((c) => Math.round(255 + (c - 255) * BOUNDARY_MAX_TINT)));
  });

  it('turns the grid into pixels with the highest row of the grid at the top of the image', () => {
    // 2×2 grid, y rising by row: bottom row certain class 0, top row certain class 1.
    const px = boundaryPixels({ res: 2, numClasses: 2, probs: [1, 0, 1, 0, 0, 1, 0, 1] });
    expect(px).toHaveLength(16);
    const top = Array.from(px.slice(0, 3));
    const bottom = Array.from(px.slice(8, 11));
    expect(top).toEqual(boundaryCellRgb([0, 1], 0, 2));
    expect(bottom).toEqual(boundaryCellRgb([1, 0], 0, 2));
    expect(px[3]).toBe(255);
  });

  it('draws the map as one image item under the data points', () => {
    const image = { fake: 'canvas' };
    const e = boundaryExtent(points, 4);
    const s = seriesOf(boundaryOption({ res: 4, numClasses: 2, probs: new Array(32).fill(0.5) }, points, e, image));
    expect(s[0]).toMatchObject({ type: 'custom', data: [[e.x0, e.y0]] });
    expect(s.slice(1).map((x) => x.type)).toEqual(['scatter', 'scatter']);
  });
});

describe('confusion matrix', () => {
  it('counts true class by row and predicted class by column', () => {
    expect(confusionMatrix([0, 0, 1, 2, 2, 2], [0, 1, 1, 2, 0, 2], 3)).toEqual([
      [1, 1, 0],
      [0, 1, 0],
      [1, 0, 2],
    ]);
  });

  it('labels every cell with its count, first true class at the top', () => {
    const o = confusionMatrixOption([[3, 1], [0, 4]], ['cat', 'dog']) as { series: { data: { value: number[] }[] }[]; yAxis: { data: string[] } };
    expect(o.yAxis.data).toEqual(['dog', 'cat']);
    expect(o.series[0].data.map((d) => d.value)).toEqual([
      [0, 1, 3],
      [1, 1, 1],
      [0, 0, 0],
      [1, 0, 4],
    ]);
  });

  it('uses a cividis ramp from dark blue to yellow', () => {
    expect(cividis(0)).toBe('#00224e');
    expect(cividis(1)).toBe('#fee838');
    expect(cividis(Number.NaN)).toBe('#00224e');
  });
});

describe('axis labels', () => {
  it('stay short for tiny and huge losses', () => {
    expect(compactNumber(0.25)).toBe('0.25');
    expect(compactNumber(1.23456)).toBe('1.23');
    expect(compactNumber(2.5e294)).toBe('2.5e+294');
    expect(compactNumber(300000)).toBe('3e+5');
    expect(compactNumber(0.0001)).toBe('1e-4');
    expect(compactNumber(0)).toBe('0');
  });
});

describe('epoch ticks', () => {
  it('a million-epoch axis gets short ticks in each language; small counts stay whole', () => {
    expect(epochTick(200_000, 'en')).toBe('200K');
    expect(epochTick(1_000_000, 'en')).toBe('1M');
    expect(epochTick(5_000, 'en')).toBe('5,000');
    expect(epochTick(200_000, 'zh-TW')).toBe('20萬');
    expect(epochTick(1_000_000, 'zh-TW')).toBe('100萬');
  });

  it('the epoch axis uses them and hides ticks that would overlap', () => {
    const axis = (lossChartOption([], 1_000_000) as { xAxis: { axisLabel: { formatter: (v: number) => string; hideOverlap: boolean } } }).xAxis.axisLabel;
    expect(axis.hideOverlap).toBe(true);
    expect(axis.formatter(400_000)).toBe('400K');
  });
});
