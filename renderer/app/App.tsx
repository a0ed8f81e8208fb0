// The window: toolbar on top, palette | canvas (charts below) | inspector tabs on the right.
import { ReactFlowProvider } from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import './app.css';
// Charts, Compare (sweeps) and Runs (history) share the area under the canvas.
import { ResultsArea } from '../compare/ResultsArea';
import { DatasetPanel } from '../data/DatasetPanel';
import { Canvas } from '../editor/Canvas';
import { Palette } from '../editor/Palette';
import { NodeInspector } from '../inspector/NodeInspector';
import { TrainingPanel } from '../training/TrainingPanel';
import { BackpropPanel } from '../backprop/BackpropPanel';
import { ErrorBoundary } from './ErrorBoundary';
import { useUiStore, type InspectorTab } from '../store/ui';
import { Banner } from './Banner';
import { DataWarnings } from './DataWarnings';
import { QuestionDialog } from './QuestionDialog';
import { Splitter } from './Splitter';
import { loadShare, saveShare } from './split-memory';
import { Toolbar } from './Toolbar';
import { useAppLifecycle } from './lifecycle';
import { useGlobalShortcuts } from './shortcuts';

const TABS: readonly InspectorTab[] = ['node', 'data', 'training', 'backprop'];

function SidePanel() {
  const tab = useUiStore((s) => s.inspectorTab);
  const setTab = useUiStore((s) => s.setInspectorTab);
  const { t } = useTranslation();
  return (
    <section className="side" aria-label={t('app.inspector')}>
      <div role="tablist" aria-label={t('app.inspectorSections')} className="tabs">
        {TABS.map((id) => (
          <button
            key={id}
            type="button"
            role="tab"
            id={`tab-${id}`}
            aria-selected={tab === id}
            aria-controls={`panel-${id}`}
            tabIndex={tab === id ? 0 : -1}
            className={tab === id ? 'tab active' : 'tab'}
            onClick={() => setTab(id)}
            onKeyDown={(e) => {
              if (e.key !== 'ArrowRight' && e.key !== 'ArrowLeft') return;
              const i = TABS.indexOf(tab);
              const next = TABS[(i + (e.key === 'ArrowRight' ? 1 : TABS.length - 1)) % TABS.length];
              setTab(next);
              document.getElementById(`tab-${next}`)?.focus();
            }}
          >
            {t(`app.tabs.${id}`)}
          </button>
        ))}
      </div>
      {/* Panels stay mounted (hidden) so their local state survives switching tabs. */}
      <div role="tabpanel" id="panel-node" aria-labelledby="tab-node" hidden={tab !== 'node'} className="tabpanel">
        <NodeInspector />
      </div>
      <div role="tabpanel" id="panel-data" aria-labelledby="tab-data" hidden={tab !== 'data'} className="tabpanel">
        <DataWarnings />
        <DatasetPanel />
      </div>
      <div role="tabpanel" id="panel-training" aria-labelledby="tab-training" hidden={tab !== 'training'} className="tabpanel">
        <DataWarnings />
        <TrainingPanel />
      </div>
      <div role="tabpanel" id="panel-backprop" aria-labelledby="tab-backprop" hidden={tab !== 'backprop'} className="tabpanel">
        <BackpropPanel />
      </div>
    </section>
  );
}

/** Says the last editing action to screen readers; invisible on screen. */
function Announcer() {
  const text = useUiStore((s) => s.announcement);
  return (
    <div className="visually-hidden" role="status" aria-live="polite">
      {text}
    </div>
  );
}

function Shell() {
  const { t } = useTranslation();
  useAppLifecycle();
  useGlobalShortcuts();
  const [canvasShare, setShare] = useState(loadShare);
  const setCanvasShare = (share: number) => {
    setShare(share);
    saveShare(share);
  };
  return (
    <div className="app">
      <Toolbar />
      <Banner />
      <div className="main">
        <Palette />
        <div className="centre" style={{ gridTemplateRows: `${canvasShare}fr auto ${1 - canvasShare}fr` }}>
          <ErrorBoundary part="canvas">
            <Canvas />
          </ErrorBoundary>
          <Splitter share={canvasShare} onChange={setCanvasShare} />
          <section className="charts" aria-label={t('app.charts')}>
            <ErrorBoundary part="resultsArea">
              <ResultsArea />
            </ErrorBoundary>
          </section>
        </div>
        <ErrorBoundary part="inspector">
          <SidePanel />
        </ErrorBoundary>
      </div>
      <QuestionDialog />
      <Announcer />
    </div>
  );
}

export function App() {
  return (
    <ReactFlowProvider>
      <Shell />
    </ReactFlowProvider>
  );
}
