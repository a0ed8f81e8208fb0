// Charts as SVG text through ECharts' server-side renderer: no DOM and no canvas, so the same
// code writes the report in Node (the CLI) and in the browser (the app's download), and the
// SVG can be embedded inline in a file that opens offline.
import * as echarts from 'echarts/core';
import { CustomChart, HeatmapChart, LineChart, ScatterChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TitleComponent, VisualMapComponent } from 'echarts/components';
import { SVGRenderer } from 'echarts/renderers';
import type { EChartsCoreOption } from 'echarts/core';

echarts.use([LineChart, ScatterChart, HeatmapChart, CustomChart, GridComponent, LegendComponent, TitleComponent, VisualMapComponent, SVGRenderer]);

/** Parts of an option that only make sense on screen (hover boxes, zoom tools). */
function forPrint(option: EChartsCoreOption): EChartsCoreOption {
  const { tooltip: _tooltip, toolbox: _toolbox, dataZoom: _dataZoom, ...rest } = option as Record<string, unknown>;
  return { ...rest, animation: false } as EChartsCoreOption;
}

/** The chart as a standalone SVG document string (width × height pixels). */
export function chartSvg(option: EChartsCoreOption, width: number, height: number): string {
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width, height });
  try {
    chart.setOption(forPrint(option));
    return chart.renderToSVGString();
  } finally {
    chart.dispose();
  }
}
