// The words inside the shared charts (axis names, figure titles), from the report's catalogs.
// The report passes its language, the app's panels theirs (renderer/i18n/chart-words.ts).
import { reportWords, type ReportLanguage } from '../i18n';

export interface ChartWords {
  epoch: string;
  lossLog: string;
  boundary(epoch: number | undefined): string;
  groundTruth: string;
  prediction(right: number, n: number): string;
  wrong: string;
  timeStep: string;
  exampleSignals: string;
}

const made = new Map<ReportLanguage, ChartWords>();

export function chartWords(language: ReportLanguage = 'en'): ChartWords {
  let words = made.get(language);
  if (!words) {
    const { text } = reportWords(language);
    words = {
      epoch: text('charts.epoch'),
      lossLog: text('charts.lossLog'),
      boundary: (epoch) => (epoch ? text('charts.boundaryAt', { epoch }) : text('charts.boundary')),
      groundTruth: text('charts.groundTruth'),
      prediction: (right, n) => text('charts.prediction', { right, n }),
      wrong: text('charts.wrong'),
      timeStep: text('charts.timeStep'),
      exampleSignals: text('data.signalsTitle'),
    };
    made.set(language, words);
  }
  return words;
}
