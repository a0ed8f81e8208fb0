// A sweep over seeds, one row per value: the median final loss and accuracy with their range,
// how many seeds reached 100 % and the epoch they got there. The lab report and the Lab view
// show the same figures.
import { useTranslation } from 'react-i18next';
import { formatPercent, spreadText, type ValueSummary } from '../../core/index';
import { formatNumber } from '../../core/index';

export function SummaryTable({ values, firstColumn, caption, testId }: { values: readonly ValueSummary[]; firstColumn: string; caption: string; testId?: string }) {
  const { t } = useTranslation();
  return (
    <table className="results-table" data-testid={testId}>
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{firstColumn}</th>
          <th scope="col">{t('compare.finalLossMedian')}</th>
          <th scope="col">{t('compare.trainAccMedian')}</th>
          <th scope="col">{t('compare.seedsAt100')}</th>
          <th scope="col">{t('compare.epochAt100Median')}</th>
          <th scope="col">{t('compare.diverged')}</th>
        </tr>
      </thead>
      <tbody>
        {values.map((v) => (
          <tr key={v.value ?? v.label}>
            <th scope="row">{v.label}</th>
            <td>{spreadText(v.finalLoss, formatNumber)}</td>
            <td>{spreadText(v.accuracy, (a) => formatPercent(a))}</td>
            <td>{t('compare.kOfN', { k: v.reached, n: v.runs })}</td>
            <td>{spreadText(v.epochToTarget, (e) => String(Math.round(e)))}</td>
            <td>{v.diverged}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
