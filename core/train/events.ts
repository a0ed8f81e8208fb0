// Events a training run streams to whoever started it (desktop window, browser page, CLI). The
// wire schema (runtime/protocol.ts) is checked against this type in both directions at compile
// time (runtime/protocol-types.ts), so the two cannot drift apart.
import type { WeightsEvent } from '../inspect/live';
import type { SkippedStep } from './session-types';
import type { Text } from '../messages/text';
import type { EpochMetrics, RunResult, Weights } from './types';

export type TrainingEvent =
  /** Metrics of one or more new epochs, in order; every epoch arrives exactly once. */
  | { type: 'progress'; runId: string; epochs: EpochMetrics[]; batch: number }
  /** Class probabilities on a res×res grid (row-major, y rising by row), numClasses per cell. */
  | { type: 'boundary'; runId: string; epoch: number; res: number; numClasses: number; probs: Float64Array }
  /** The run's weights and its units over the input plane, with each boundary grid (runs that ask with neuronResolution). */
  | WeightsEvent
  /**
   * Steps were skipped because a gradient was not finite (the weights stayed as they were):
   * how many so far in this run, and the latest. Sent at most with each progress flush.
   */
  | { type: 'skipped'; runId: string; total: number; last: SkippedStep }
  | { type: 'paused'; runId: string; epoch: number }
  | { type: 'resumed'; runId: string }
  /** Terminal events: exactly one per run, last. */
  | { type: 'done' | 'stopped' | 'diverged'; runId: string; result: RunResult; weights: Weights }
  /** `text`: the message as a Text, when the engine worded it (not for a crash's own words). */
  | { type: 'error'; runId: string; message: string; text?: Text };

export type TerminalEvent = Extract<TrainingEvent, { type: 'done' | 'stopped' | 'diverged' | 'error' }>;
