// The network's predictions as a table: each sample's features, true class, predicted class
// and the probability of every class. Long datasets show the first rows only.
import { useTranslation } from 'react-i18next';
import { formatNumber, fullNumber } from '../../core/index';
import type { PlotData } from '../../report/charts/plot-data';
import type { Predictions } from '../../report/charts/predictions';

export const TABLE_ROWS = 100;
const MAX_FEATURE_COLUMNS = 4;
const MAX_CLASS_COLUMNS = 6;
const RIGHT_MARK = '✓';
const WRONG_MARK = '✗';

export function PredictionTable({ data, predictions }: { data: PlotData; predictions: Predictions }) {
  const { t } = useTranslation();
  // Only rows both describe (they always should: ChartsPanel shows predictions of this data only).
  const rows = Math.min(TABLE_ROWS, data.n, predictions.predicted.length);
  const features = Math.min(MAX_FEATURE_COLUMNS, data.dim);
  const classes = Math.min(MAX_CLASS_COLUMNS, predictions.numClasses);
  const classLabel = (k: number) => data.classNames[k] ?? t('charts.classN', { k });
  const hasTest = predictions.isTest.some((v) => v === 1);
  let rightCount = 0;
  for (let i = 0; i < data.n; i++) if (predictions.predicted[i] === data.labels[i]) rightCount += 1;
  return (
    <div className="prediction-table" role="region" aria-label={t('charts.predictionsTable')} tabIndex={0}>
      <table>
        <caption>
          {t('charts.predictionsCaption', { percent: Math.round(predictions.accuracy * 1000) / 10, right: rightCount, n: data.n })}
          {rows < data.n ? t('charts.firstShown', { rows }) : ''}
          {t('charts.captionEnd')}
        </caption>
        <thead>
          <tr>
            <th scope="col">#</th>
            {Array.from({ length: features }, (_, f) => (
              <th scope="col" key={`f${f}`}>{data.featureNames[f] ?? `x${f + 1}`}</th>
            ))}
            {hasTest ? <th scope="col">{t('charts.set')}</th> : null}
            <th scope="col">{t('charts.truth')}</th>
            <th scope="col">{t('charts.predicted')}</th>
            {Array.from({ length: classes }, (_, k) => (
              <th scope="col" key={`p${k}`}>{t('charts.probabilityOf', { name: classLabel(k) })}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {Array.from({ length: rows }, (_, i) => {
            const truth = data.labels[i];
            const pred = predictions.predicted[i];
            const right = truth === pred;
            return (
              <tr key={i} className={right ? 'right' : 'wrong'}>
                <th scope="row">{i + 1}</th>
                {Array.from({ length: features }, (_, f) => (
                  <td key={`f${f}`} title={fullNumber(data.x[i * data.dim + f])}>{formatNumber(data.x[i * data.dim + f])}</td>
                ))}
                {hasTest ? <td>{predictions.isTest[i] ? t('charts.testSet') : t('charts.trainSet')}</td> : null}
                <td>{classLabel(truth)}</td>
                <td>
                  {classLabel(pred)} <span aria-label={right ? t('charts.right') : t('charts.wrong')}>{right ? RIGHT_MARK : WRONG_MARK}</span>
                </td>
                {Array.from({ length: classes }, (_, k) => (
                  <td key={`p${k}`} title={fullNumber(predictions.probs[i * predictions.numClasses + k])}>{formatNumber(predictions.probs[i * predictions.numClasses + k])}</td>
                ))}
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
