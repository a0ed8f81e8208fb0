// The runs table: final loss, train and test accuracy, the epoch at which accuracy first
// reached 100%, diverged or not, time. Sortable by any column (click a header; again to
// reverse), with aria-sort on the sorted column.
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatPercent, sortRows, type ResultRow, type RowKey } from '../../core/index';
import { lossText } from '../../report/loss-text';

interface Column {
  key: RowKey;
  title: string;
  cell(r: ResultRow): string;
}

const secs = (ms: number) => (ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(2)} s`);
const ASC = ' ▲';
const DESC = ' ▼';

export function ResultsTable({ rows, firstColumn, hasTest, caption, testId }: { rows: readonly ResultRow[]; firstColumn: string; hasTest: boolean; caption: string; testId?: string }) {
  const { t } = useTranslation();
  const [sort, setSort] = useState<{ key: RowKey; dir: 'asc' | 'desc' } | null>(null);
  const columns: Column[] = [
    { key: 'label', title: firstColumn, cell: (r) => r.label },
    { key: 'state', title: t('compare.state'), cell: (r) => t(`training.status.${r.state}`) },
    { key: 'finalLoss', title: t('compare.finalLoss'), cell: (r) => lossText(r.finalLoss) },
    { key: 'trainAccuracy', title: t('compare.trainAcc'), cell: (r) => formatPercent(r.trainAccuracy) },
    ...(hasTest ? [{ key: 'testAccuracy' as const, title: t('compare.testAcc'), cell: (r: ResultRow) => formatPercent(r.testAccuracy) }] : []),
    { key: 'epochToTarget', title: t('compare.epochAt100'), cell: (r) => (r.epochToTarget === null ? '–' : String(r.epochToTarget)) },
    { key: 'diverged', title: t('compare.diverged'), cell: (r) => (r.diverged ? t('compare.yes') : t('compare.no')) },
    { key: 'ms', title: t('compare.time'), cell: (r) => secs(r.ms) },
  ];
  const shown = useMemo(() => (sort ? sortRows(rows, sort.key, sort.dir) : rows), [rows, sort]);
  const toggle = (key: RowKey) => setSort((s) => (s && s.key === key ? { key, dir: s.dir === 'asc' ? 'desc' : 'asc' } : { key, dir: 'asc' }));
  return (
    <table className="results-table" data-testid={testId}>
      <caption>{caption}</caption>
      <thead>
        <tr>
          {columns.map((c) => (
            <th key={c.key} scope="col" aria-sort={sort?.key === c.key ? (sort.dir === 'asc' ? 'ascending' : 'descending') : 'none'}>
              <button type="button" className="sort" onClick={() => toggle(c.key)}>
                {c.title}
                <span aria-hidden="true">{sort?.key === c.key ? (sort.dir === 'asc' ? ASC : DESC) : ''}</span>
              </button>
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {shown.map((r) => (
          <tr key={r.runId} data-run-id={r.runId}>
            {columns.map((c, i) => (i === 0 ? <th key={c.key} scope="row">{c.cell(r)}</th> : <td key={c.key}>{c.cell(r)}</td>))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
