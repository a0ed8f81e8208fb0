// A decision boundary as one small multiple: the run's value as its title, no legend and no
// axis labels (the multiples share the data's axes), so several fit side by side.
import type { EChartsCoreOption } from 'echarts/core';

export function smallMultiple(option: EChartsCoreOption, title: string): EChartsCoreOption {
  const o = option as Record<string, unknown>;
  const bare = { name: '', axisLabel: { show: false }, axisTick: { show: false }, axisLine: { show: false } };
  return {
    ...o,
    title: { text: title, left: 'center', top: 2, textStyle: { fontSize: 11 } },
    legend: { show: false },
    grid: { left: 6, right: 6, top: 24, bottom: 6 },
    xAxis: { ...(o.xAxis as object), ...bare },
    yAxis: { ...(o.yAxis as object), ...bare },
  };
}
