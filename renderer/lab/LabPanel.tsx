// The Lab view: the backprop lab's twelve findings, the lab's words next to what happened here.
// Each experiment on XOR or the linear set is one click (or all with "Run all"), repeated over
// seeds on the lab's own examples, and reads "held on k of n seeds", "near-tie" or "did not
// hold", with the loss curves as a median line and a band per value.
import { useChartWords } from '../i18n/chart-words';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { t as translate } from '../i18n';
import { LAB_FINDINGS, MAX_SWEEP_SEEDS, render, type FindingResult, type Language, type LabFinding } from '../../core/index';
import { EChart } from '../charts/EChart';
import { bandOption, type BandSeries } from '../../report/charts/overlay-options';
import { downloadText } from '../backend/web/files';
import { fileStem, reportInApp } from '../compare/export';
import { bandsByValue } from '../compare/rows';
import { useProjectStore } from '../store/project';
import { NumberField } from '../training/fields';
import { useLabStore, type LabFindingView, type LabRunView } from './store';
import { useSpoken } from '../i18n/core-text';
import './lab.css';

// A result without Texts (kept from before they existed) starts with these English words.
const VERDICT_WORDS: Record<FindingResult['verdict'], string> = { held: 'held', 'near-tie': 'near-tie', 'did-not-hold': 'did not hold' };

// Stands in for the verdict word while the sentence is rendered, so the word can be set apart.
const MARK = '\u0000';

/** The verdict sentence in `language`, split around its verdict word: [before, word, after]. */
export function verdictParts(result: FindingResult, language: Language): [string, string, string] {
  const said = result.verdictText;
  const word = said?.params?.verdict;
  if (said && word !== undefined && typeof word !== 'number') {
    const [before, after = ''] = render({ ...said, params: { ...said.params, verdict: MARK } }, language).split(MARK);
    return [before, typeof word === 'string' ? word : render(word, language), after];
  }
  const english = VERDICT_WORDS[result.verdict];
  return result.text.startsWith(english) ? ['', english, result.text.slice(english.length)] : ['', english, ` (${result.text})`];
}

/** Per value, the loss curves of its seeds as one band (the chart and the report share it). */
export function lossBands(runs: readonly LabRunView[]): BandSeries[] {
  return bandsByValue(runs, (r) => r.loss);
}

function progressText(f: LabFindingView): string {
  const ended = f.runs.filter((r) => r.result || r.error).length;
  return translate('lab.progress', { ended, count: f.runs.length });
}

function FindingCard({ finding, view }: { finding: LabFinding; view: LabFindingView | undefined }) {
  const { t, i18n } = useTranslation();
  const speak = useSpoken();
  const language = i18n.language as Language;
  const title = speak({ message: finding.title, text: finding.said.title });
  const busy = useLabStore((s) => s.busy);
  const run = useLabStore((s) => s.run);
  const result = view?.result ?? null;
  const verdict = result ? verdictParts(result, language) : null;
  const bands = useMemo(() => (view && view.status === 'done' ? lossBands(view.runs) : []), [view]);
  const words = useChartWords();
  const option = useMemo(() => (bands.length ? bandOption(bands, 'loss', { logLoss: 'auto', title: t('lab.chartTitle'), words }) : null), [bands, t, words]);
  return (
    <li className="lab-finding" data-testid={`finding-${finding.id}`} data-status={view?.status ?? 'idle'} data-verdict={result?.verdict ?? ''}>
      <div className="lab-finding-head">
        <span className="lab-number">{finding.id}</span>
        <h4>{title}</h4>
        {finding.sweep ? (
          <button type="button" disabled={busy} onClick={() => void run(finding.id)} aria-label={t('lab.runFinding', { id: finding.id, title })}>
            {t('lab.run')}
          </button>
        ) : null}
      </div>
      <p className="lab-claim">
        <span className="lab-who">{t('lab.theLab')}</span> {speak({ message: finding.claim, text: finding.said.claim })}
      </p>
      {finding.note ? <p className="hint">{speak({ message: finding.note, text: finding.said.note })}</p> : null}
      {view?.status === 'running' || view?.status === 'queued' ? <p className="lab-progress">{view.status === 'queued' ? t('lab.waiting') : progressText(view)}</p> : null}
      {view?.message ? (
        <p className="run-error" role="alert">
          {speak({ message: view.message, text: view.messageText })}
        </p>
      ) : null}
      {result ? (
        <>
          <p className={`lab-verdict lab-${result.verdict}`} data-testid={`verdict-${finding.id}`}>
            <span className="lab-who">{t('lab.here')}</span> {verdict?.[0]}
            <b>{verdict?.[1]}</b>
            {verdict?.[2]}
          </p>
          <ul className="lab-details">
            {result.details.map((d, i) => (
              <li key={d}>{speak({ message: d, text: result.detailTexts?.[i] })}</li>
            ))}
          </ul>
          {option ? <EChart option={option} label={t('lab.curvesLabel', { id: finding.id })} height={220} /> : null}
        </>
      ) : null}
    </li>
  );
}

export function LabPanel() {
  const findings = useLabStore((s) => s.findings);
  const busy = useLabStore((s) => s.busy);
  const seedCount = useLabStore((s) => s.seedCount);
  const setSeedCount = useLabStore((s) => s.setSeedCount);
  const runAll = useLabStore((s) => s.runAll);
  const stop = useLabStore((s) => s.stop);
  const results = Object.values(findings).filter((f) => f.result);
  const { t } = useTranslation();
  const groups: { title: string; items: LabFinding[] }[] = [
    { title: t('lab.groups.linear'), items: LAB_FINDINGS.filter((f) => f.task === 'linear') },
    { title: t('lab.groups.xor'), items: LAB_FINDINGS.filter((f) => f.task === 'xor') },
    { title: t('lab.groups.beyond'), items: LAB_FINDINGS.filter((f) => f.task === null) },
  ];
  const report = () => {
    const project = useProjectStore.getState().project;
    const lab = Object.values(useLabStore.getState().findings).flatMap((f) => (f.result ? [{ result: f.result, loss: lossBands(f.runs) }] : []));
    const html = reportInApp({ project, generatedAt: new Date().toISOString(), lab });
    downloadText(`${fileStem(project.name)}-lab-report.html`, html, 'text/html');
  };
  return (
    <section className="lab-panel" aria-label={t('lab.label')}>
      <p className="hint">{t('lab.intro')}</p>
      <div className="lab-controls" role="group" aria-label={t('lab.controls')}>
        <NumberField
          label={t('lab.seeds')}
          value={seedCount}
          rule={{ min: 1, max: MAX_SWEEP_SEEDS, integer: true }}
          disabled={busy}
          onCommit={(v) => setSeedCount(v ?? seedCount)}
        />
        <button type="button" className="primary" disabled={busy} onClick={() => void runAll()}>
          {t('lab.runAll')}
        </button>
        <button type="button" disabled={!busy} onClick={() => void stop()}>
          {t('lab.stop')}
        </button>
        <button type="button" disabled={busy || results.length === 0} onClick={report} title={t('lab.reportHelp')}>
          {t('lab.report')}
        </button>
      </div>
      {groups.map((g) => (
        <section key={g.title} className="lab-group">
          <h3>{g.title}</h3>
          <ol className="lab-findings">
            {g.items.map((f) => (
              <FindingCard key={f.id} finding={f} view={findings[f.id]} />
            ))}
          </ol>
        </section>
      ))}
    </section>
  );
}
