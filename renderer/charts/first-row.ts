// How tall the charts' first row can be so that it fits the results pane without scrolling
// (the live decision boundary in view while training; at 1280×720 no axis cut off).
// Pure; the pane's size comes from a ResizeObserver in ChartsPanel.

/** Room a chart card needs besides its chart: the export buttons under it and the grid's padding. */
export const CARD_EXTRA_PX = 26 + 16;
export const MIN_CHART_PX = 150;
export const MAX_CHART_PX = 320;

/** Chart height for the first row, given the pane's inner height and the results tabs' height. */
export function firstRowChartHeight(paneHeight: number, tabsHeight: number): number {
  const room = Math.floor(paneHeight - tabsHeight - CARD_EXTRA_PX);
  return Math.max(MIN_CHART_PX, Math.min(MAX_CHART_PX, room));
}
