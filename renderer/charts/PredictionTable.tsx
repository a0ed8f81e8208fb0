// The network's predictions as a table: each sample's features, true class, predicted class
// and the probability of every class. Long datasets show the first rows only.
import { formatNumber, fullNumber } from '../../core/index';
import type { PlotData } from '../../report/charts/plot-data';
import type { Predictions } from '../../report/charts/predictions';

export const TABLE_ROWS = 100;
const MAX_FEATURE_COLUMNS = 4;
const MAX_CLASS_COLUMNS = 6;

export function PredictionTable({ data, predictions }: { data: PlotData; predictions: Predictions }) {
  // Only rows both describe (they always should: ChartsPanel shows predictions of this data only).
  const rows = Math.min(TABLE_ROWS, data.n, predictions.predicted.length);
  const features = Math.min(MAX_FEATURE_COLUMNS, data.dim);
  const classes = Math.min(MAX_CLASS_COLUMNS, predictions.numClasses);
  const classLabel = (k: number) => data.classNames[k] ?? `class ${k}`;
  const hasTest = predictions.isTest.some((v) => v === 1);
  let rightCount = 0;
  for (let i = 0; i < data.n; i++) if (predictions.predicted[i] === data.labels[i]) rightCount += 1;
  return (
    <div className="prediction-table" role="region" aria-label="Predictions table" tabIndex={0}>
      <table>
        <caption>
          Predictions ({Math.round(predictions.accuracy * 1000) / 10}% right: {rightCount} of {data.n} samples
          {rows < data.n ? `; first ${rows} shown` : ''})
        </caption>
        <thead>
          <tr>
            <th scope="col">#</th>
            {Array.from({ length: features }, (_, f) => (
              <th scope="col" key={`f${f}`}>{data.featureNames[f] ?? `x${f + 1}`}</th>
            ))}
            {hasTest ? <th scope="col">Set</th> : null}
            <th scope="col">True</th>
            <th scope="col">Predicted</th>
            {Array.from({ length: classes }, (_, k) => (
              <th scope="col" key={`p${k}`}>P({classLabel(k)})</th>
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
                {hasTest ? <td>{predictions.isTest[i] ? 'test' : 'train'}</td> : null}
                <td>{classLabel(truth)}</td>
                <td>
                  {classLabel(pred)} <span aria-label={right ? 'right' : 'wrong'}>{right ? '✓' : '✗'}</span>
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
