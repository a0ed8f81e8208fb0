// A saved run's curves back into per-epoch metrics, so a reopened project shows its results.
export { metricsFromRunCurves as metricsFromCurves } from '../../core/index';
