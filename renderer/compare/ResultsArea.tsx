// The area under the canvas with four views: the live Charts of the current run, Compare
// (sweeps), Runs (the history) and Lab (the lab's findings, repeated over seeds). Panels stay mounted while hidden, so a sweep keeps going
// and its charts keep their state when the student looks at something else.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ChartsPanel } from '../charts/ChartsPanel';
import { RunHistory } from '../history/RunHistory';
import { LabPanel } from '../lab/LabPanel';
import { ComparePanel } from './ComparePanel';
import './compare.css';

type View = 'charts' | 'compare' | 'runs' | 'lab';

const VIEWS: { id: View; label: 'app.charts' | 'compare.label' | 'runs.label' | 'lab.label' }[] = [
  { id: 'charts', label: 'app.charts' },
  { id: 'compare', label: 'compare.label' },
  { id: 'runs', label: 'runs.label' },
  { id: 'lab', label: 'lab.label' },
];

export function ResultsArea() {
  const { t } = useTranslation();
  const [view, setView] = useState<View>('charts');
  return (
    <div className="results-area">
      <div role="tablist" aria-label={t('compare.resultsViews')} className="tabs results-tabs">
        {VIEWS.map((v) => (
          <button
            key={v.id}
            type="button"
            role="tab"
            id={`results-tab-${v.id}`}
            aria-selected={view === v.id}
            aria-controls={`results-panel-${v.id}`}
            tabIndex={view === v.id ? 0 : -1}
            className={view === v.id ? 'tab active' : 'tab'}
            onClick={() => setView(v.id)}
            onKeyDown={(e) => {
              if (e.key !== 'ArrowRight' && e.key !== 'ArrowLeft') return;
              const i = VIEWS.findIndex((x) => x.id === view);
              const next = VIEWS[(i + (e.key === 'ArrowRight' ? 1 : VIEWS.length - 1)) % VIEWS.length];
              setView(next.id);
              document.getElementById(`results-tab-${next.id}`)?.focus();
            }}
          >
            {t(v.label)}
          </button>
        ))}
      </div>
      {VIEWS.map((v) => (
        <div key={v.id} role="tabpanel" id={`results-panel-${v.id}`} aria-labelledby={`results-tab-${v.id}`} hidden={view !== v.id}>
          {v.id === 'charts' ? <ChartsPanel /> : v.id === 'compare' ? <ComparePanel /> : v.id === 'runs' ? <RunHistory /> : <LabPanel />}
        </div>
      ))}
    </div>
  );
}
