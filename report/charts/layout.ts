// Plot areas with fixed margins. ECharts 6 by default measures every axis label on every
// update to keep labels inside the chart ("outerBounds"); our margins already leave room,
// and skipping that measuring makes a live update several times cheaper.
export interface Margins {
  left: number | string;
  right?: number | string;
  top: number;
  bottom: number;
  width?: string;
}

export function plotArea(m: Margins): Margins & { outerBoundsMode: 'none' } {
  return { ...m, outerBoundsMode: 'none' };
}
