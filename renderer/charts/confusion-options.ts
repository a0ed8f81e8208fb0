// The confusion matrix: rows are the true class, columns the predicted class; each cell
// shows its count, shaded by the count (cividis, colour-blind safe).
import type { EChartsCoreOption } from 'echarts/core';
import { plotArea } from '../../report/charts/layout';
import { CIVIDIS_STOPS } from '../../report/charts/palette';
import { t } from '../i18n';

/** counts[true][predicted]. */
export function confusionMatrix(truth: ArrayLike<number>, predicted: ArrayLike<number>, numClasses: number): number[][] {
  const m = Array.from({ length: numClasses }, () => new Array<number>(numClasses).fill(0));
  for (let i = 0; i < truth.length; i++) {
    const t = truth[i];
    const p = predicted[i];
    if (t >= 0 && t < numClasses && p >= 0 && p < numClasses) m[t][p] += 1;
  }
  return m;
}

export function confusionMatrixOption(matrix: number[][], classNames: string[]): EChartsCoreOption {
  const k = matrix.length;
  const names = Array.from({ length: k }, (_, i) => classNames[i] ?? `class ${i}`);
  const data: object[] = [];
  let maxCount = 0;
  for (const row of matrix) for (const v of row) maxCount = Math.max(maxCount, v);
  for (let t = 0; t < k; t++) {
    for (let p = 0; p < k; p++) {
      // Label colour follows the cell's shade (light cells get dark text).
      const share = maxCount > 0 ? matrix[t][p] / maxCount : 0;
      data.push({
        // y runs bottom-up on a category axis; put the first true class at the top.
        value: [p, k - 1 - t, matrix[t][p]],
        label: { color: share > 0.55 ? '#000000' : '#ffffff' },
      });
    }
  }
  return {
    animation: false,
    title: { text: t('charts.confusionMatrix'), left: 8, top: 4, textStyle: { fontSize: 14 } },
    tooltip: {
      trigger: 'item',
      formatter: (p: { value?: [number, number, number] }) => {
        const v = p.value;
        return v ? t('charts.confusionTooltip', { truth: names[k - 1 - v[1]], predicted: names[v[0]], count: v[2] }) : '';
      },
    },
    grid: plotArea({ left: 90, right: 16, top: 40, bottom: 56 }),
    xAxis: { type: 'category', data: names, name: t('charts.predicted'), nameLocation: 'middle', nameGap: 32, splitArea: { show: false } },
    yAxis: { type: 'category', data: [...names].reverse(), name: t('charts.truth'), nameLocation: 'middle', nameGap: 70 },
    // Shade by the count; cividis stays readable for every colour vision and in grey.
    visualMap: { show: false, dimension: 2, min: 0, max: Math.max(1, maxCount), inRange: { color: CIVIDIS_STOPS } },
    series: [{ id: 'confusion', type: 'heatmap', data, label: { show: true, fontSize: 13 }, itemStyle: { borderColor: '#ffffff', borderWidth: 1 }, animation: false }],
  };
}
