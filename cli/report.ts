// How `bpnn train` shows progress: a live bar on a terminal, a few plain lines when the
// output goes to a file or a pipe, or JSON lines for programs (--json).
import cliProgress from 'cli-progress';
import { nonFiniteValuesSaid, type EpochMetrics, type RunResult, type SkippedStep } from '../core/index';
import { cliSay, cliText } from './text';
import { displayWidth, padEndTo } from './width';
import { duration, stateWord } from './words';

export interface Reporter {
  start(totalEpochs: number): void;
  epochs(metrics: readonly EpochMetrics[], totalEpochs: number): void;
  /** Steps were skipped because a gradient was not finite (told once, before finish). */
  skipped(total: number, last: SkippedStep): void;
  finish(result: RunResult): void;
}

/** The skipped steps in words (the desktop app's training panel says the same). */
export function skippedLine(total: number, last: SkippedStep): string {
  return cliText('train.skipped', { count: total, epoch: last.epoch, batch: last.batch, tensor: last.tensor, layerType: last.layerType, nodeId: last.nodeId, values: cliSay(nonFiniteValuesSaid(last)) });
}

export const pct = (v: number | null): string => (v === null ? '–' : `${(100 * v).toFixed(1)}%`);
export const num = (v: number | null): string => (v === null ? '–' : v.toPrecision(4));

/** Epochs that get a progress line: about a hundred (or every epoch for short runs), always the last. */
export function isReported(epoch: number, total: number, lines: number): boolean {
  return epoch === total || epoch === 1 || epoch % Math.max(1, Math.ceil(total / lines)) === 0;
}

export function summaryLines(result: RunResult, hasTest: boolean): string[] {
  const time = duration(result.ms);
  const head =
    result.state === 'done'
      ? cliText('train.done', { count: result.epochs, time })
      : result.state === 'stopped'
        ? cliText('train.stopped', { count: result.epochs, time })
        : cliText('train.ended', { state: stateWord(result.state), count: result.epochs, time });
  const rows: [string, string][] = [
    [cliText('train.loss'), num(result.loss)],
    [cliText('train.trainAccuracy'), pct(result.accuracy)],
    ...(hasTest ? [[cliText('train.testAccuracy'), pct(result.testAccuracy)] as [string, string]] : []),
  ];
  // The values start in one column: 16 cells in English, wider when a label needs it.
  const width = Math.max(14, ...rows.map(([label]) => displayWidth(label))) + 2;
  return [head, ...rows.map(([label, value]) => `  ${padEndTo(label, width)}${value}`)];
}

function write(s: string): void {
  process.stdout.write(`${s}\n`);
}

export function jsonReporter(): Reporter {
  return {
    start() {},
    epochs(metrics, total) {
      for (const m of metrics) {
        if (!isReported(m.epoch, total, 100)) continue;
        write(JSON.stringify({ event: 'progress', epoch: m.epoch, epochs: total, loss: m.loss, accuracy: m.accuracy, testLoss: m.testLoss, testAccuracy: m.testAccuracy, lr: m.lr }));
      }
    },
    skipped(total, last) {
      write(JSON.stringify({ event: 'skipped', total, ...last }));
    },
    finish(r) {
      const base = { epochs: r.epochs, loss: r.loss, accuracy: r.accuracy, testAccuracy: r.testAccuracy, ms: Math.round(r.ms) };
      if (r.state === 'diverged' && r.diverged) {
        const d = r.diverged;
        write(JSON.stringify({ event: 'diverged', ...base, reason: d.message, epoch: d.epoch, batch: d.batch, value: d.value, where: d.where, lastFiniteLoss: d.lastFiniteLoss, keptEpoch: d.keptEpoch, advice: d.advice }));
      } else {
        write(JSON.stringify({ event: r.state, ...base }));
      }
    },
  };
}

export function plainReporter(hasTest: boolean): Reporter {
  return {
    start(total) {
      write(cliText('train.start', { count: total }));
    },
    epochs(metrics, total) {
      for (const m of metrics) {
        if (!isReported(m.epoch, total, 10) || m.epoch === 1) continue;
        write(cliText('train.epoch', { epoch: m.epoch, total, loss: num(m.loss), accuracy: pct(m.accuracy), test: hasTest ? cliText('train.epochTest', { accuracy: pct(m.testAccuracy) }) : '' }));
      }
    },
    skipped(total, last) {
      write(skippedLine(total, last));
    },
    finish(r) {
      for (const line of summaryLines(r, hasTest)) write(line);
    },
  };
}

export function barReporter(hasTest: boolean): Reporter {
  const bar = new cliProgress.SingleBar(
    {
      format: cliText('train.bar', { test: hasTest ? cliText('train.barTest') : '' }),
      barsize: 24,
      hideCursor: true,
      clearOnComplete: false,
      stream: process.stdout,
    },
    cliProgress.Presets.shades_classic,
  );
  return {
    start(total) {
      bar.start(total, 0, { loss: '–', acc: '–', test: '–' });
    },
    epochs(metrics) {
      const m = metrics[metrics.length - 1];
      if (m !== undefined) bar.update(m.epoch, { loss: num(m.loss), acc: pct(m.accuracy), test: pct(m.testAccuracy) });
    },
    skipped(total, last) {
      bar.stop();
      write(skippedLine(total, last));
    },
    finish(r) {
      bar.stop();
      for (const line of summaryLines(r, hasTest)) write(line);
    },
  };
}
