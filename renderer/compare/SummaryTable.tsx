// A sweep over seeds, one row per value: the median final loss and accuracy with their range,
// how many seeds reached 100 % and the epoch they got there. The lab report and the Lab view
// show the same figures.
import { formatPercent, spreadText, type ValueSummary } from '../../core/index';
import { formatNumber } from '../../core/index';

export function SummaryTable({ values, firstColumn, caption, testId }: { values: readonly ValueSummary[]; firstColumn: string; caption: string; testId?: string }) {
  return (
    <table className="results-table" data-testid={testId}>
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{firstColumn}</th>
          <th scope="col">Final loss, median (range)</th>
          <th scope="col">Train acc., median (range)</th>
          <th scope="col">Seeds at 100%</th>
          <th scope="col">Epoch @100%, median (range)</th>
          <th scope="col">Diverged</th>
        </tr>
      </thead>
      <tbody>
        {values.map((v) => (
          <tr key={v.value ?? v.label}>
            <th scope="row">{v.label}</th>
            <td>{spreadText(v.finalLoss, formatNumber)}</td>
            <td>{spreadText(v.accuracy, (a) => formatPercent(a))}</td>
            <td>{`${v.reached} of ${v.runs}`}</td>
            <td>{spreadText(v.epochToTarget, (e) => String(Math.round(e)))}</td>
            <td>{v.diverged}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
