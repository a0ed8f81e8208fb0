// Datasets as the engine sees them: flat row-major features, one class index per sample.

export const GENERATORS = ['linear', 'xor', 'circle', 'spiral', 'gaussian', 'waves'] as const;
export type GeneratorName = (typeof GENERATORS)[number];

export interface GeneratorParams {
  /** Number of samples (ignored by xor, which is the lab's fixed 21 points). */
  n?: number;
  /** Noise level, 0 = none. */
  noise?: number;
  /** Number of classes (spiral, gaussian). */
  classes?: number;
  /** Signal length (waves). */
  length?: number;
}

export type DatasetSpec =
  | { kind: 'generator'; generator: GeneratorName; params: GeneratorParams; seed: number }
  | {
      kind: 'inline';
      /** Where it came from, e.g. the CSV file name. */
      name: string;
      featureNames: string[];
      /** One row per sample, numeric features only. */
      features: number[][];
      /** Class index per sample (0..k-1). */
      labels: number[];
      /** Display name of each class index. */
      classNames: string[];
      /** [features] for tabular data, [channels, length] for signals. Defaults to [features]. */
      inputShape?: number[];
    };

export interface Dataset {
  /** Row-major [n, ...inputShape]. */
  x: Float64Array;
  /** Class index per sample. */
  y: Float64Array;
  n: number;
  inputShape: number[];
  numClasses: number;
  classNames: string[];
  featureNames: string[];
}
