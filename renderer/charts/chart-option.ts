// What a chart is given to draw: an option, or a function that builds it. A function is called
// in the chart's own update task (see update-queue), not in the React render that changed it:
// building a 100 000-epoch curve then never shares a task with the rest of the page's work.
import type { EChartsCoreOption } from 'echarts/core';

export type ChartOption = EChartsCoreOption | (() => EChartsCoreOption);

export const resolveOption = (o: ChartOption): EChartsCoreOption => (typeof o === 'function' ? o() : o);
