// How `bpnn train` shows progress: a live bar on a terminal, a few plain lines when the
// output goes to a file or a pipe, or JSON lines for programs (--json).
import cliProgress from 'cli-progress';
import { nonFiniteValuesText, type EpochMetrics, type RunResult, type SkippedStep } from '../core/index';

export interface Reporter {
  start(totalEpochs: number): void;
  epochs(metrics: readonly EpochMetrics[], totalEpochs: number): void;
  /** Steps were skipped because a gradient was not finite (told once, before finish). */
  skipped(total: number, last: SkippedStep): void;
  finish(result: RunResult): void;
}

/** The skipped steps in words (the desktop app's training panel says the same). */
export function skippedLine(total: number, last: SkippedStep): string {
  return (
    `${total === 1 ? '1 step was' : `${total} steps were`} skipped because a gradient was not a finite number (last at epoch ${last.epoch}, batch ${last.batch}: ` +
    `the ${last.tensor} gradient of ${last.layerType} '${last.nodeId}' had ${nonFiniteValuesText(last)} values). Try a lower learning rate or gradient clipping (training.clipNorm in the project).`
  );
}

export const pct = (v: number | null): string => (v === null ? '–' : `${(100 * v).toFixed(1)}%`);
export const num = (v: number | null): string => (v === null ? '–' : v.toPrecision(4));
const secs = (ms: number): string => (ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(2)} s`);

/** Epochs that get a progress line: about a hundred (or every epoch for short runs), always the last. */
export function isReported(epoch: number, total: number, lines: number): boolean {
  return epoch === total || epoch === 1 || epoch % Math.max(1, Math.ceil(total / lines)) === 0;
}

export function summaryLines(result: RunResult, hasTest: boolean): string[] {
  const head =
    result.state === 'done'
      ? `Trained ${result.epochs} epochs in ${secs(result.ms)}`
      : result.state === 'stopped'
        ? `Stopped after ${result.epochs} epochs (${secs(result.ms)})`
        : `Training ${result.state} after ${result.epochs} epochs (${secs(result.ms)})`;
  const lines = [head, `  loss            ${num(result.loss)}`, `  train accuracy  ${pct(result.accuracy)}`];
  if (hasTest) lines.push(`  test accuracy   ${pct(result.testAccuracy)}`);
  return lines;
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
      write(`Training for ${total} epochs…`);
    },
    epochs(metrics, total) {
      for (const m of metrics) {
        if (!isReported(m.epoch, total, 10) || m.epoch === 1) continue;
        write(`epoch ${m.epoch}/${total}  loss ${num(m.loss)}  accuracy ${pct(m.accuracy)}${hasTest ? `  test ${pct(m.testAccuracy)}` : ''}`);
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
      format: `epoch {value}/{total} {bar} loss {loss}  accuracy {acc}${hasTest ? '  test {test}' : ''}  {eta_formatted}`,
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
