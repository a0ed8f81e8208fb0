// The pure half of the training store: how a batch of TrainingEvents changes the run's view,
// and the messages it shows. No React, no timers; tested directly (a finished run is recorded by core's buildRunRecord).
import type { RunSetup } from './run-setup';
import { t } from '../i18n';
import {
  OUT_OF_MEMORY_MESSAGE,
  OUT_OF_MEMORY_TEXT,
  type EpochMetrics,
  type RunResult,
  type SkippedStep,
  type Text,
  type TrainingEvent,
  type TrainProblem,
  type Weights,
} from '../../core/index';

/** Side of the decision-boundary grid requested for 2-D data. */
export { BOUNDARY_RESOLUTION } from '../../report/charts/plot-data';

export type RunStatus = 'idle' | 'starting' | 'running' | 'paused' | 'done' | 'stopped' | 'diverged' | 'error';

export interface BoundaryGrid {
  epoch: number;
  res: number;
  numClasses: number;
  probs: Float64Array;
}

/** What the user reads when a run could not start or ended badly: what happened, what to try. */
export interface RunMessage {
  title: string;
  details: string[];
  advice: string[];
  /** The engine's own words as Texts, when it gave them: shown in the app's language instead. */
  titleText?: Text;
  adviceText?: Text[];
  /** The problems behind `details`, to say them again in the app's language (startProblemsMessage). */
  problems?: TrainProblem[];
}

export interface RunView {
  status: RunStatus;
  runId: string | null;
  totalEpochs: number;
  /** Every epoch's metrics, in order, never thinned. */
  metrics: EpochMetrics[];
  boundary: BoundaryGrid | null;
  /** Steps skipped so far because a gradient was not finite, and the latest (null: none). */
  skipped: { total: number; last: SkippedStep } | null;
  result: RunResult | null;
  message: RunMessage | null;
  /** Milliseconds spent running (pauses excluded), for the time-left estimate. */
  activeMs: number;
  timeLeftMs: number | null;
  /** The data, network and settings this run was started with (null: no run in this session). */
  setup: RunSetup | null;
}

/** What the store does once a run ends, outside the view itself. */
export interface Finished {
  event: Extract<TrainingEvent, { type: 'done' | 'stopped' | 'diverged' }>;
}

export const idleView = (): RunView => ({
  status: 'idle',
  runId: null,
  totalEpochs: 0,
  metrics: [],
  boundary: null,
  skipped: null,
  result: null,
  message: null,
  activeMs: 0,
  timeLeftMs: null,
  setup: null,
});

const ACTIVE: ReadonlySet<RunStatus> = new Set(['starting', 'running', 'paused']);
export const isActive = (s: RunStatus): boolean => ACTIVE.has(s);

// The app's own words around the engine's: said in the language of the moment they are made.
const errorAdvice = (): string[] => [t('run.msg.tryAgain'), t('run.msg.report')];

/**
 * Applies events (in arrival order) to the view. Events of other runs are ignored; nothing
 * after a terminal event changes the view. Returns the finished run, if one ended here.
 */
export function applyEvents(view: RunView, events: readonly TrainingEvent[]): { view: RunView; finished: Finished | null } {
  let next = view;
  let finished: Finished | null = null;
  let newEpochs: EpochMetrics[] | null = null;
  for (const ev of events) {
    if (ev.runId !== next.runId || !isActive(next.status)) continue;
    switch (ev.type) {
      case 'progress':
        newEpochs ??= [];
        for (const e of ev.epochs) newEpochs.push(e);
        if (next.status === 'starting') next = { ...next, status: 'running' };
        break;
      case 'boundary':
        next = { ...next, boundary: { epoch: ev.epoch, res: ev.res, numClasses: ev.numClasses, probs: ev.probs } };
        break;
      case 'skipped':
        next = { ...next, skipped: { total: ev.total, last: ev.last } };
        break;
      case 'paused':
        next = { ...next, status: 'paused' };
        break;
      case 'resumed':
        next = { ...next, status: 'running' };
        break;
      case 'error':
        next = { ...next, status: 'error', timeLeftMs: null, message: { title: ev.message, details: [], advice: errorAdvice(), ...errorText(ev) } };
        break;
      case 'done':
      case 'stopped':
      case 'diverged':
        next = { ...next, status: ev.type, result: ev.result, timeLeftMs: null, message: ev.type === 'diverged' ? divergedMessage(ev.result) : null };
        finished = { event: ev };
        break;
    }
  }
  if (newEpochs) next = { ...next, metrics: next.metrics.concat(newEpochs) };
  return { view: next, finished };
}

/** An error's words as a Text: its own, or the engine's out-of-memory sentence, which hosts pass on as English. */
function errorText(ev: { message: string; text?: Text }): { titleText?: Text } {
  if (ev.text) return { titleText: ev.text };
  return ev.message === OUT_OF_MEMORY_MESSAGE ? { titleText: OUT_OF_MEMORY_TEXT } : {};
}

function divergedMessage(result: RunResult): RunMessage {
  const d = result.diverged;
  if (!d) {
    return { title: t('run.msg.diverged'), details: [], advice: [t('run.msg.lowerRate'), t('run.msg.normalize'), t('run.msg.clip')] };
  }
  // The engine's message already says what became non-finite, where, and which weights were kept.
  return { title: d.message, details: [], advice: d.advice, ...(d.text ? { titleText: d.text } : {}), ...(d.adviceText ? { adviceText: d.adviceText } : {}) };
}

/** The pace is read only after this much running time... */
export const MIN_ESTIMATE_MS = 1000;
/** ...and this share of the epochs (at least MIN_ESTIMATE_EPOCHS): the first epochs include start-up. */
export const MIN_ESTIMATE_SHARE = 0.02;
export const MIN_ESTIMATE_EPOCHS = 10;

/**
 * Time left from the pace so far; null until there is a pace worth going by ("34 min left" at
 * epoch 2 of a 4-second run came from the start-up epochs).
 */
export function estimateTimeLeft(activeMs: number, epochsDone: number, totalEpochs: number): number | null {
  if (totalEpochs > 0 && epochsDone >= totalEpochs) return 0;
  const enough = Math.max(MIN_ESTIMATE_EPOCHS, Math.ceil(totalEpochs * MIN_ESTIMATE_SHARE));
  if (epochsDone < enough || activeMs < MIN_ESTIMATE_MS) return null;
  return (activeMs / epochsDone) * (totalEpochs - epochsDone);
}

/** Problems that kept a run from starting, as one message. */
export function startProblemsMessage(problems: readonly TrainProblem[]): RunMessage {
  const shown = problems.slice(0, 8);
  const details = shown.map((p) => problemLine(p, p.message));
  if (problems.length > 8) details.push(t('run.msg.andMore', { n: problems.length - 8 }));
  const advice = problems.some((p) => p.code === 'bad-weights') ? [t('run.msg.weightsChanged')] : [t('run.msg.fixAbove')];
  // Only problems the engine gave Texts for can be said again in another language.
  return { title: t('run.msg.couldNotStart'), details, advice, ...(shown.some((p) => p.text) ? { problems: shown } : {}) };
}

/** One line of a start refusal: where (the field, the row, the node), then what the problem says. */
export function problemLine(p: TrainProblem, said: string): string {
  if (p.code === 'bad-setting') return `${p.field}: ${said}`;
  if (p.code === 'bad-data') {
    const where = [p.row !== undefined ? t('run.msg.row', { row: p.row }) : '', p.column !== undefined ? t('run.msg.column', { column: p.column }) : ''].filter(Boolean).join(', ');
    return where ? `${where}: ${said}` : said;
  }
  return 'nodeId' in p && p.nodeId ? `${p.nodeId}: ${said}` : said;
}

// The app's one number formatter, re-exported where the run views import it.
export { formatNumber } from '../../core/index';

export type { Weights };
